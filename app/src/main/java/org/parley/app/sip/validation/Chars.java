package org.parley.app.sip.validation;

/** Character classes of the RFC 3261 §25.1 grammar, on octets mapped to chars. */
final class Chars {
    private Chars() {
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWs(char c) {
        return c == ' ' || c == '\t';
    }

    /** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"). */
    static boolean isTokenChar(char c) {
        return isAlpha(c) || isDigit(c) || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Call-ID word characters (RFC 3261 §25.1 "word"). */
    static boolean isWordChar(char c) {
        return isTokenChar(c) || "()<>:\\\"/[]?{}".indexOf(c) >= 0;
    }

    /** A character that may appear unescaped in a URI: printable US-ASCII except space, '<', '>', '"'. */
    static boolean isUriChar(char c) {
        return c > 0x20 && c < 0x7f && c != '<' && c != '>' && c != '"';
    }

    /** Host name / IPv4 characters (liberal: '_' is seen in the wild). */
    static boolean isHostChar(char c) {
        return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_';
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" — true when {@code uri} starts with one. */
    static boolean hasScheme(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 1 || !isAlpha(uri.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = uri.charAt(i);
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
