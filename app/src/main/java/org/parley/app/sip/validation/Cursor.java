package org.parley.app.sip.validation;

/** A forward-only scanner over one unfolded header value; every method advances at most to the end. */
final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    /** True when the next char is {@code c}. */
    boolean at(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    char peek() {
        return s.charAt(pos);
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }

    void advance() {
        pos++;
    }

    /** Skips SP and HT; true when at least one was skipped. */
    boolean skipWs() {
        int start = pos;
        while (pos < s.length() && Chars.isWs(s.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    /** Consumes a token (possibly empty) and returns it. */
    String token() {
        int start = pos;
        while (pos < s.length() && Chars.isTokenChar(s.charAt(pos))) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /** Consumes {@code SWS c SWS}, or throws {@code problem}. */
    void separator(char c, String problem) throws Problem {
        skipWs();
        if (!at(c)) {
            throw Problem.syntax(problem);
        }
        pos++;
        skipWs();
    }

    /** Consumes a quoted-string starting at the current '"' (RFC 3261 §25.1 quoted-string). */
    void quotedString(String where) throws Problem {
        pos++; // opening quote
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                if (pos + 1 >= s.length()) {
                    break;
                }
                char q = s.charAt(pos + 1);
                if (q == '\r' || q == '\n') {
                    throw Problem.syntax("Invalid quoted-pair in " + where);
                }
                pos += 2;
                continue;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw Problem.syntax("Control character in quoted string in " + where);
            }
            pos++;
        }
        throw Problem.syntax("Unterminated quoted string in " + where);
    }

    /** Consumes characters while {@code Chars.isUriChar} and none of {@code stops}; returns them. */
    String uriUntil(String stops) {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (!Chars.isUriChar(c) || stops.indexOf(c) >= 0) {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }
}
