package org.parley.app.dial;

import java.util.Optional;
import org.parley.app.SipAddress;

/**
 * What a {@code sip:}, {@code sips:}, {@code tel:} or {@code callto:} link asks for, as read by {@link DialUri}.
 * Only the target survives: URI parameters and headers ({@code ;transport=}, {@code ?subject=},
 * {@code ?Call-Info=}) are dropped here, so nothing from a link can reach a SIP header. Immutable.
 */
public sealed interface DialRequest {

    /** A SIP address ({@code sip:}, {@code sips:}, or {@code callto:} with a user@host). */
    record Address(SipAddress address) implements DialRequest {
    }

    /**
     * A telephone number still to be put through a {@link DialPlan}.
     *
     * @param number  "+" and digits for a global number, else digits ({@code *} and {@code #} allowed), no
     *                separators
     * @param context the global prefix of a local number's {@code phone-context} ("+1914555"), if it had one
     */
    record Number(String number, Optional<String> context) implements DialRequest {
        /** True for a number in international form ("+" and country code). */
        public boolean global() {
            return number.startsWith("+");
        }
    }

    /** The link cannot be used; {@code sentence} says why, in English (the UI translates {@code reason}). */
    record Refused(Reason reason, String sentence) implements DialRequest {
    }

    /** Why a link was refused; each has a bundle key {@code dial.refused.REASON} in the desktop app. */
    enum Reason {
        /** Not one of the schemes Parley handles. */
        SCHEME,
        /** Longer than {@link DialUri#MAX_LENGTH}. */
        TOO_LONG,
        /** Control characters (also percent-encoded), angle brackets or quotes in the link. */
        CHARACTERS,
        /** A sip:/sips: link whose address is not user@host. */
        ADDRESS,
        /** A tel:/callto: number with no digits, letters, or too many digits. */
        NUMBER
    }
}
