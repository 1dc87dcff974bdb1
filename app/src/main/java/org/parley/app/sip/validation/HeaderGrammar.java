package org.parley.app.sip.validation;

/**
 * Grammar checks of individual header field values (RFC 3261 §20, §25.1), each on an unfolded value and
 * in time linear in its length. Each method returns normally or throws a {@link Problem} naming the fault.
 */
final class HeaderGrammar {
    static final long MAX_CSEQ = 0xFFFF_FFFFL;
    static final int MAX_MAX_FORWARDS = 255;

    private HeaderGrammar() {
    }

    /**
     * To, From, Reply-To ({@code list=false}), Contact ({@code list, star}), Route and Record-Route
     * ({@code list, nameAddrOnly}): ( name-addr / addr-spec ) *( SEMI generic-param ), comma-separated when
     * {@code list}. An addr-spec must not contain '?' or ',' (§20.10); the display name is a quoted string
     * or tokens; no whitespace inside {@code <>}; no empty parameters.
     */
    static void address(String value, String header, boolean list, boolean star, boolean nameAddrOnly)
            throws Problem {
        if (star && value.equals("*")) {
            return;
        }
        Cursor c = new Cursor(value);
        while (true) {
            c.skipWs();
            if (c.atEnd()) {
                throw Problem.syntax("Empty value in " + header);
            }
            oneAddress(c, header, nameAddrOnly);
            params(c, header);
            c.skipWs();
            if (c.atEnd()) {
                return;
            }
            if (c.peek() != ',') {
                throw Problem.syntax("Unexpected character in " + header);
            }
            if (!list) {
                throw Problem.syntax("Multiple values in " + header);
            }
            c.advance();
        }
    }

    private static void oneAddress(Cursor c, String header, boolean nameAddrOnly) throws Problem {
        int start = c.position();
        if (c.at('"')) {
            c.quotedString(header);
            c.skipWs();
            if (!c.at('<')) {
                throw Problem.syntax("Display name not followed by <URI> in " + header);
            }
            angleUri(c, header);
            return;
        }
        // Display name as tokens separated by LWS (possibly none), then '<'; otherwise an addr-spec.
        // Liberal: unquoted UTF-8 octets are taken as name characters; ASCII separators are not.
        while (!c.atEnd() && (Chars.isTokenChar(c.peek()) || Chars.isWs(c.peek()) || c.peek() >= 0x80)) {
            c.advance();
        }
        if (c.at('<')) {
            angleUri(c, header);
            return;
        }
        c.reset(start);
        if (nameAddrOnly) {
            throw Problem.syntax("URI not enclosed in <> in " + header);
        }
        String uri = c.uriUntil(";,");
        if (!Chars.hasScheme(uri)) {
            throw Problem.syntax("Not a URI or unquoted non-token display name in " + header);
        }
        if (uri.indexOf('?') >= 0) {
            throw Problem.syntax("URI with headers not enclosed in <> in " + header);
        }
        if (!c.atEnd() && !Chars.isWs(c.peek()) && c.peek() != ';' && c.peek() != ',') {
            throw Problem.syntax("Invalid character in URI in " + header);
        }
    }

    /** At '<': the URI, no whitespace, then '>'. */
    private static void angleUri(Cursor c, String header) throws Problem {
        c.advance();
        String uri = c.uriUntil(">");
        if (!c.at('>')) {
            throw Problem.syntax(c.atEnd() ? "Missing > in " + header
                    : Chars.isWs(c.peek()) ? "Whitespace inside <> in " + header
                    : "Invalid character in URI in " + header);
        }
        if (!Chars.hasScheme(uri)) {
            throw Problem.syntax("Not a URI in " + header);
        }
        c.advance();
    }

    /**
     * A token or host: token characters plus ':' '[' ']' so that IPv6 addresses pass, bracketed or not
     * (RFC 5118 §4.5: {@code received=2001:db8::9:255}).
     */
    private static boolean paramValue(Cursor c) {
        int start = c.position();
        while (!c.atEnd() && (Chars.isTokenChar(c.peek()) || c.peek() == ':' || c.peek() == '[' || c.peek() == ']')) {
            c.advance();
        }
        return c.position() > start;
    }

    /** *( SEMI generic-param ) with generic-param = token [ EQUAL ( token / host / quoted-string ) ]. */
    static void params(Cursor c, String header) throws Problem {
        while (true) {
            int mark = c.position();
            c.skipWs();
            if (!c.at(';')) {
                c.reset(mark);
                return;
            }
            c.advance();
            c.skipWs();
            if (c.token().isEmpty()) {
                throw Problem.syntax("Empty parameter in " + header);
            }
            int beforeEq = c.position();
            c.skipWs();
            if (!c.at('=')) {
                c.reset(beforeEq);
                continue;
            }
            c.advance();
            c.skipWs();
            if (c.at('"')) {
                c.quotedString(header);
            } else if (!paramValue(c)) {
                throw Problem.syntax("Empty parameter value in " + header);
            }
        }
    }

    /**
     * Via: 1#( sent-protocol LWS sent-by *( SEMI via-params ) ), sent-protocol = name SLASH version SLASH
     * transport, sent-by = host [ COLON port ].
     */
    static void via(String value) throws Problem {
        Cursor c = new Cursor(value);
        while (true) {
            c.skipWs();
            if (c.token().isEmpty()) {
                throw Problem.syntax("Empty or malformed Via");
            }
            c.separator('/', "Malformed sent-protocol in Via");
            if (c.token().isEmpty()) {
                throw Problem.syntax("Malformed sent-protocol in Via");
            }
            c.separator('/', "Malformed sent-protocol in Via");
            if (c.token().isEmpty()) {
                throw Problem.syntax("Malformed sent-protocol in Via");
            }
            if (!c.skipWs()) {
                throw Problem.syntax("Malformed sent-by in Via");
            }
            host(c, "Via");
            int mark = c.position();
            c.skipWs();
            if (c.at(':')) {
                c.advance();
                c.skipWs();
                port(c);
            } else {
                c.reset(mark);
            }
            params(c, "Via");
            c.skipWs();
            if (c.atEnd()) {
                return;
            }
            if (c.peek() != ',') {
                throw Problem.syntax("Unexpected character in Via");
            }
            c.advance();
        }
    }

    private static void host(Cursor c, String header) throws Problem {
        if (c.at('[')) {
            ipv6Reference(c, header);
            return;
        }
        int start = c.position();
        while (!c.atEnd() && Chars.isHostChar(c.peek())) {
            c.advance();
        }
        if (c.position() == start) {
            throw Problem.syntax("Missing host in " + header);
        }
    }

    private static void ipv6Reference(Cursor c, String header) throws Problem {
        c.advance();
        int start = c.position();
        while (!c.atEnd() && (Character.digit(c.peek(), 16) >= 0 || c.peek() == ':' || c.peek() == '.')) {
            c.advance();
        }
        if (c.position() == start || !c.at(']')) {
            throw Problem.syntax("Malformed IPv6 reference in " + header);
        }
        c.advance();
    }

    private static void port(Cursor c) throws Problem {
        int start = c.position();
        long port = 0;
        while (!c.atEnd() && Chars.isDigit(c.peek()) && c.position() - start < 6) {
            port = port * 10 + (c.peek() - '0');
            c.advance();
        }
        if (c.position() == start || port > 65535) {
            throw Problem.syntax("Invalid port in Via");
        }
    }

    /** CSeq: 1*DIGIT LWS Method, number at most 2^32-1. */
    static void cseq(String value) throws Problem {
        Cursor c = new Cursor(value);
        String number = digits(c);
        if (number.isEmpty()) {
            throw Problem.syntax("Malformed CSeq");
        }
        if (!fitsIn(number, MAX_CSEQ)) {
            throw Problem.syntax("CSeq number larger than 2**32-1");
        }
        if (!c.skipWs() || c.token().isEmpty() || !c.atEnd()) {
            throw Problem.syntax("Malformed CSeq");
        }
    }

    /** The method named in a CSeq value already checked by {@link #cseq}. */
    static String cseqMethod(String value) {
        int i = 0;
        while (i < value.length() && !Chars.isWs(value.charAt(i))) {
            i++;
        }
        return value.substring(i).strip();
    }

    /** Max-Forwards: 1*DIGIT in 0–255. */
    static void maxForwards(String value) throws Problem {
        if (!allDigits(value) || !fitsIn(value, MAX_MAX_FORWARDS)) {
            throw Problem.syntax("Max-Forwards not in 0-255");
        }
    }

    /**
     * Content-Length: 1*DIGIT.
     *
     * @return the length, or -1 when it exceeds {@code limit}
     * @throws Problem of kind FRAMING when it is not a non-negative decimal number
     */
    static long contentLength(String value, long limit) throws Problem {
        if (!allDigits(value)) {
            throw new Problem(Problem.Kind.FRAMING, "Malformed or negative Content-Length");
        }
        return fitsIn(value, limit) ? Long.parseLong(strip0(value)) : -1;
    }

    /** Call-ID: word [ "@" word ]. */
    static void callId(String value) throws Problem {
        int at = value.indexOf('@');
        if (value.isEmpty() || at == 0 || at == value.length() - 1 || value.indexOf('@', at + 1) >= 0) {
            throw Problem.syntax("Malformed Call-ID");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch != '@' && !Chars.isWordChar(ch)) {
                throw Problem.syntax("Invalid character in Call-ID");
            }
        }
    }

    /** Content-Type: m-type SLASH m-subtype *( SEMI m-parameter ). */
    static void contentType(String value) throws Problem {
        Cursor c = new Cursor(value);
        if (c.token().isEmpty()) {
            throw Problem.syntax("Malformed Content-Type");
        }
        c.separator('/', "Malformed Content-Type");
        if (c.token().isEmpty()) {
            throw Problem.syntax("Malformed Content-Type");
        }
        params(c, "Content-Type");
        c.skipWs();
        if (!c.atEnd()) {
            throw Problem.syntax("Malformed Content-Type");
        }
    }

    /** Require, Proxy-Require, Supported: option-tag *( COMMA option-tag ); empty only if {@code mayBeEmpty}. */
    static void optionTags(String value, String header, boolean mayBeEmpty) throws Problem {
        if (value.isEmpty() && mayBeEmpty) {
            return;
        }
        Cursor c = new Cursor(value);
        while (true) {
            c.skipWs();
            if (c.token().isEmpty()) {
                throw Problem.syntax("Malformed option tag list in " + header);
            }
            c.skipWs();
            if (c.atEnd()) {
                return;
            }
            if (c.peek() != ',') {
                throw Problem.syntax("Malformed option tag list in " + header);
            }
            c.advance();
        }
    }

    private static String digits(Cursor c) {
        int start = c.position();
        StringBuilder b = new StringBuilder();
        while (!c.atEnd() && Chars.isDigit(c.peek())) {
            b.append(c.peek());
            c.advance();
        }
        return c.position() == start ? "" : b.toString();
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when the decimal {@code digits} (leading zeros allowed) is at most {@code max}. */
    private static boolean fitsIn(String digits, long max) {
        String d = strip0(digits);
        return d.length() <= 12 && Long.parseLong(d) <= max;
    }

    private static String strip0(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
