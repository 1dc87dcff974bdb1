package org.parley.app.sip.call;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The value of a {@code Session-Expires} header (RFC 4028 §4): the session interval in seconds and, optionally, who
 * refreshes. {@code uac}/{@code uas} name the client and server of the transaction that carries the header, not of
 * the dialog. Immutable.
 */
record SessionExpires(int seconds, Optional<Refresher> refresher) {
    /** Who sends the refreshes, seen from the transaction carrying the header. */
    enum Refresher {
        UAC, UAS;

        String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    SessionExpires {
        if (seconds < 1) {
            throw new IllegalArgumentException("a session interval is at least one second: " + seconds);
        }
    }

    static SessionExpires of(int seconds, Refresher refresher) {
        return new SessionExpires(seconds, Optional.of(refresher));
    }

    /**
     * Reads {@code delta-seconds *(;param)} as RFC 4028 §4 writes it, tolerating whitespace and case; an unknown
     * {@code refresher} value counts as absent. Empty when the value is not a positive 32-bit number of seconds.
     */
    static Optional<SessionExpires> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(";");
        OptionalInt seconds = deltaSeconds(parts[0]);
        if (seconds.isEmpty() || seconds.getAsInt() < 1) {
            return Optional.empty();
        }
        Optional<Refresher> refresher = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String[] nameValue = parts[i].split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("refresher")) {
                String v = nameValue[1].trim().toLowerCase(Locale.ROOT);
                refresher = v.equals("uac") ? Optional.of(Refresher.UAC)
                        : v.equals("uas") ? Optional.of(Refresher.UAS) : Optional.empty();
            }
        }
        return Optional.of(new SessionExpires(seconds.getAsInt(), refresher));
    }

    /** The seconds of a {@code Min-SE} value ({@code delta-seconds *(;generic-param)}), or empty. */
    static OptionalInt parseMinSe(String value) {
        return value == null ? OptionalInt.empty() : deltaSeconds(value.split(";")[0]);
    }

    /** The header value as Parley writes it, e.g. {@code 1800;refresher=uac}. */
    String value() {
        return seconds + refresher.map(r -> ";refresher=" + r.token()).orElse("");
    }

    private static OptionalInt deltaSeconds(String text) {
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        long v = Long.parseLong(digits);
        return v > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) v);
    }
}
