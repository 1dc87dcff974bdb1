package org.parley.app;

import java.util.Locale;

/** SIP transport of an account. */
public enum Transport {
    UDP, TCP, TLS;

    /** Parses "udp", "TCP", "tls" …; throws IllegalArgumentException with a user-fit message otherwise. */
    public static Transport parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInput(InvalidInput.Reason.TRANSPORT, "Unknown transport \"" + text + "\": use UDP, TCP or TLS.",
                    String.valueOf(text));
        }
    }

    /** The default port of a SIP server for this transport. */
    public int defaultPort() {
        return this == TLS ? 5061 : 5060;
    }
}
