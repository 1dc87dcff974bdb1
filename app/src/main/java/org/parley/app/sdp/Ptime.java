package org.parley.app.sdp;

import java.util.OptionalInt;

/** {@code a=ptime}/{@code a=maxptime} values: a positive integer or decimal number of milliseconds (RFC 8866 §6.4). */
final class Ptime {
    private Ptime() {
    }

    /** The value in whole milliseconds (rounded up), empty if it is not a positive number up to 10 000 ms. */
    static OptionalInt parse(String value) {
        int dot = value.indexOf('.');
        String whole = dot < 0 ? value : value.substring(0, dot);
        String fraction = dot < 0 ? "" : value.substring(dot + 1);
        if (dot >= 0 && !Tokens.isDigits(fraction)) {
            return OptionalInt.empty();
        }
        long ms = Tokens.number(whole, 0, 10_000);
        if (ms < 0) {
            return OptionalInt.empty();
        }
        boolean hasFraction = fraction.chars().anyMatch(c -> c != '0');
        long rounded = ms + (hasFraction ? 1 : 0);
        return rounded == 0 ? OptionalInt.empty() : OptionalInt.of((int) rounded);
    }
}
