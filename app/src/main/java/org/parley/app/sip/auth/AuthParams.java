package org.parley.app.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient tokenizer for one authentication challenge: {@code scheme name=value, name="quoted", ...}.
 *
 * <p>Parameter names are lower-cased; the first occurrence of a name wins; quoted values are unescaped
 * ({@code \x} becomes {@code x}). Parsing stops, keeping what was read, where another challenge seems to
 * begin (a token not followed by '='). An unterminated quoted string makes the whole value unusable.
 * Never throws. Stateless and thread-safe.
 */
final class AuthParams {

    /** The scheme as written and the parameters, names lower-cased, in order of appearance. */
    record Parsed(String scheme, Map<String, String> params) {
    }

    private final String s;
    private int i;

    private AuthParams(String s) {
        this.s = s;
    }

    static Optional<Parsed> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return new AuthParams(value).run();
    }

    private Optional<Parsed> run() {
        skipWhitespace();
        String scheme = token();
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            skipSeparators();
            if (i >= s.length()) {
                break;
            }
            String name = token();
            if (name.isEmpty()) {
                break; // not a parameter: stop, keep what we have
            }
            skipWhitespace();
            if (i >= s.length() || s.charAt(i) != '=') {
                break; // start of another challenge (or a token68): not ours
            }
            i++;
            skipWhitespace();
            String value;
            if (i < s.length() && s.charAt(i) == '"') {
                value = quoted();
                if (value == null) {
                    return Optional.empty();
                }
            } else {
                value = bare();
            }
            params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
        return Optional.of(new Parsed(scheme, params));
    }

    private String token() {
        int start = i;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    /** An unquoted value: everything up to a comma or whitespace (servers put base64 with '/' and '=' here). */
    private String bare() {
        int start = i;
        while (i < s.length() && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    /** A quoted string starting at the opening quote; null when it is not terminated. */
    private String quoted() {
        StringBuilder out = new StringBuilder();
        i++; // opening quote
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && i < s.length()) {
                c = s.charAt(i++);
            }
            out.append(c);
        }
        return null;
    }

    private void skipWhitespace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private void skipSeparators() {
        while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
    }

    /** RFC 7230 tchar. */
    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
