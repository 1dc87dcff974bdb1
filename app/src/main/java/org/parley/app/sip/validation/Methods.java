package org.parley.app.sip.validation;

import java.util.Set;

/** SIP request methods this user agent recognises (case-sensitive, RFC 3261 §7.1). */
final class Methods {
    /** RFC 3261 plus PRACK (3262), SUBSCRIBE/NOTIFY (6665), PUBLISH (3903), INFO (6086), REFER (3515),
     *  MESSAGE (3428), UPDATE (3311). Anything else is answered 501 (RFC 3261 §8.2.1, §21.5.2). */
    static final Set<String> KNOWN = Set.of("INVITE", "ACK", "OPTIONS", "BYE", "CANCEL", "REGISTER", "PRACK",
            "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

    private Methods() {
    }

    static boolean isKnown(String method) {
        return KNOWN.contains(method);
    }
}
