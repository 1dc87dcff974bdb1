package org.parley.app.sdp;

/** Character classes of the RFC 8866 grammar (§9). Pure functions. */
final class Tokens {
    private Tokens() {
    }

    /** {@code token}: one or more visible US-ASCII characters except {@code "(),/:;<=>?@[\]{}} and space. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D || c == 0x2E
                || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E);
    }

    /** {@code byte-string}/{@code text}: anything but NUL, CR and LF. */
    static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    /** A non-empty field without spaces or control characters (user names, addresses). */
    static boolean isVisible(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a decimal number that must lie in {@code [min, max]}; -1 if it is not digits or out of range (so callers
     * never see a NumberFormatException). {@code min} must be ≥ 0.
     */
    static long number(String s, long min, long max) {
        if (!isDigits(s) || s.length() > 19) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = s.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value < min || value > max ? -1 : value;
    }
}
