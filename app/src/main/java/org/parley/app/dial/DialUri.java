package org.parley.app.dial;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.app.SipAddress;

/**
 * Reads the links the desktop registers for: {@code sip:} and {@code sips:} (RFC 3261 §19.1), {@code tel:}
 * (RFC 3966) and {@code callto:} (with or without {@code //}). Hostile input is expected — links come from web
 * pages — so the whole text is checked before anything is taken from it, and only the target is kept. Pure;
 * thread-safe.
 */
public final class DialUri {
    /** Longest link accepted, in characters. */
    public static final int MAX_LENGTH = 1024;
    /** Most digits in a number (E.164 allows 15; service codes and extensions add a few). */
    static final int MAX_DIGITS = 24;
    /** Visual separators of RFC 3966 plus the space and slash people type. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()/]");
    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9*#]+");

    private DialUri() {
    }

    /** Never throws; a bad link is a {@link DialRequest.Refused}. */
    public static DialRequest parse(String link) {
        if (link == null || link.isBlank()) {
            return refused(DialRequest.Reason.SCHEME, "The link is empty.");
        }
        if (link.length() > MAX_LENGTH) {
            return refused(DialRequest.Reason.TOO_LONG, "The link is longer than " + MAX_LENGTH + " characters.");
        }
        String text = link.strip();
        if (!printable(text, true) || !printable(percentDecoded(text), false)) {
            return refused(DialRequest.Reason.CHARACTERS, "The link contains characters a call link cannot have.");
        }
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = text.substring(colon + 1);
        return switch (scheme) {
            case "sip", "sips" -> sip(scheme, rest, text);
            case "tel" -> tel(rest);
            case "callto" -> callto(rest);
            default -> refused(DialRequest.Reason.SCHEME,
                    "Only sip:, sips:, tel: and callto: links can be called.");
        };
    }

    private static DialRequest sip(String scheme, String rest, String whole) {
        // Headers (?subject=, ?Call-Info=) and URI parameters (;transport=, ;maddr=) are dropped: the account
        // decides transport and route, and no header is ever taken from a link.
        String target = cut(rest, '?');
        int at = target.lastIndexOf('@');
        String hostPart = at < 0 ? target : target.substring(at + 1);
        String userPart = at < 0 ? "" : target.substring(0, at);
        hostPart = cut(hostPart, ';');
        try {
            return new DialRequest.Address(SipAddress.parse(scheme + ":" + userPart + "@" + hostPart));
        } catch (IllegalArgumentException e) {
            return refused(DialRequest.Reason.ADDRESS, "\"" + shortened(whole) + "\" is not a SIP address.");
        }
    }

    private static DialRequest tel(String rest) {
        String number = cut(rest, ';');
        Optional<String> context = Optional.empty();
        for (String param : rest.split(";")) {
            String lower = param.toLowerCase(Locale.ROOT);
            if (lower.startsWith("phone-context=")) {
                String value = clean(percentDecoded(param.substring("phone-context=".length())));
                if (value.startsWith("+") && DIGITS.matcher(value).matches()) {
                    context = Optional.of(value); // a domain name as context says nothing we can dial
                }
            }
        }
        return number(percentDecoded(number), context);
    }

    private static DialRequest callto(String rest) {
        String target = rest.startsWith("//") ? rest.substring(2) : rest;
        while (target.endsWith("/")) {
            target = target.substring(0, target.length() - 1);
        }
        target = cut(target, '?');
        if (target.contains("@")) {
            return sip("sip", target, "callto:" + rest);
        }
        return number(percentDecoded(cut(target, ';')), Optional.empty());
    }

    private static DialRequest number(String raw, Optional<String> context) {
        String digits = clean(raw);
        if (!DIGITS.matcher(digits).matches() || digits.length() > MAX_DIGITS + 1) {
            return refused(DialRequest.Reason.NUMBER, "\"" + shortened(raw) + "\" is not a telephone number.");
        }
        return new DialRequest.Number(digits, digits.startsWith("+") ? Optional.empty() : context);
    }

    /**
     * Removes visual separators; in international form a trunk prefix written as "(0)" ("+49 (0)30 …") is dropped
     * first, because it must not be dialled after a country code.
     */
    static String clean(String number) {
        String s = number.strip();
        if (s.startsWith("+")) {
            s = s.replace("(0)", "");
        }
        return SEPARATORS.matcher(s).replaceAll("");
    }

    /** No control characters or line separators; with {@code delimiters} also no {@code < > " `} (RFC 3986 §2). */
    private static boolean printable(String s, boolean delimiters) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || delimiters && (c == '<' || c == '>' || c == '"' || c == '`')) {
                return false;
            }
        }
        return true;
    }

    /** %XX decoded as UTF-8; a broken escape is left as it is (and then fails the character checks). */
    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                int end = i + Character.charCount(s.codePointAt(i));
                byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String cut(String s, char at) {
        int i = s.indexOf(at);
        return i < 0 ? s : s.substring(0, i);
    }

    private static String shortened(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    private static DialRequest.Refused refused(DialRequest.Reason reason, String sentence) {
        return new DialRequest.Refused(reason, sentence);
    }
}
