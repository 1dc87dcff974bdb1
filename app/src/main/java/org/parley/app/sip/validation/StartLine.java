package org.parley.app.sip.validation;

import java.util.Locale;

/** Grammar of the start line: Request-Line (RFC 3261 §7.1, §25.1) or Status-Line (§7.2). */
final class StartLine {
    static final String VERSION = "SIP/2.0";

    private StartLine() {
    }

    /** True when {@code line} is a Status-Line (starts like a SIP-Version). */
    static boolean isStatusLine(String line) {
        return line.regionMatches(true, 0, "SIP/", 0, 4);
    }

    /**
     * Checks a Request-Line: exactly one SP between Method, Request-URI and SIP-Version, nothing around
     * them, no {@code <>} around the URI, no escaped headers in a sip/sips URI, version SIP/2.0.
     *
     * @return the method
     */
    static String checkRequestLine(String line) throws Problem {
        if (line.indexOf('\t') >= 0) {
            throw Problem.syntax("HT in request line");
        }
        int sp1 = line.indexOf(' ');
        if (sp1 <= 0) {
            throw Problem.syntax("Malformed request line");
        }
        String method = line.substring(0, sp1);
        if (!Chars.isToken(method)) {
            throw Problem.syntax("Invalid method");
        }
        int sp2 = line.indexOf(' ', sp1 + 1);
        if (sp2 < 0) {
            throw Problem.syntax("Request line lacks SIP-Version");
        }
        String uri = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (uri.isEmpty() || version.isEmpty()) {
            throw Problem.syntax("Multiple SP in request line");
        }
        if (version.indexOf(' ') >= 0) {
            throw Problem.syntax(version.strip().indexOf(' ') < 0 ? "Trailing whitespace in request line"
                    : "Whitespace inside Request-URI");
        }
        if (!version.equalsIgnoreCase(VERSION)) { // case-insensitive (§7.1); jain-sip itself answers 505
            if (looksLikeVersion(version)) {
                throw new Problem(Problem.Kind.VERSION, "Version Not Supported");
            }
            throw Problem.syntax("Malformed SIP-Version");
        }
        checkRequestUri(uri);
        return method;
    }

    /**
     * Checks a Status-Line: SIP/2.0, a three-digit code 100–699, a Reason-Phrase (any text, may be empty).
     */
    static void checkStatusLine(String line) throws Problem {
        if (!line.regionMatches(true, 0, VERSION + " ", 0, VERSION.length() + 1)) {
            throw Problem.syntax("Unsupported or malformed SIP-Version in status line");
        }
        int i = VERSION.length() + 1;
        int start = i;
        while (i < line.length() && Chars.isDigit(line.charAt(i))) {
            i++;
        }
        if (i - start != 3 || (i < line.length() && line.charAt(i) != ' ')) {
            throw Problem.syntax("Status code is not three digits");
        }
        int code = Integer.parseInt(line.substring(start, i));
        if (code < 100 || code > 699) {
            throw Problem.syntax("Status code out of range");
        }
    }

    private static void checkRequestUri(String uri) throws Problem {
        if (uri.charAt(0) == '<') {
            throw Problem.syntax("Request-URI enclosed in <>");
        }
        for (int i = 0; i < uri.length(); i++) {
            if (!Chars.isUriChar(uri.charAt(i))) {
                throw Problem.syntax("Invalid character in Request-URI");
            }
        }
        if (!Chars.hasScheme(uri)) {
            throw Problem.syntax("Request-URI has no scheme");
        }
        String scheme = uri.substring(0, uri.indexOf(':')).toLowerCase(Locale.ROOT);
        if (scheme.equals("sip") || scheme.equals("sips")) {
            // userinfo may contain '?'; anything after the '@' (host, params, headers) may not (§19.1.1).
            int at = uri.indexOf('@');
            int hostStart = at >= 0 ? at + 1 : scheme.length() + 1;
            if (uri.indexOf('?', hostStart) >= 0) {
                throw Problem.syntax("Escaped headers in Request-URI");
            }
            int semi = uri.indexOf(';', hostStart);
            checkHostPort(uri.substring(hostStart, semi < 0 ? uri.length() : semi));
        }
    }

    /** hostport = host [ ":" port ], host = hostname / IPv4address / "[" IPv6 "]" (RFC 5118 §4.2). */
    private static void checkHostPort(String hostport) throws Problem {
        int i = 0;
        if (hostport.startsWith("[")) {
            i = hostport.indexOf(']');
            if (i < 2) {
                throw Problem.syntax("Malformed IPv6 reference in Request-URI");
            }
            for (int k = 1; k < i; k++) {
                char c = hostport.charAt(k);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    throw Problem.syntax("Malformed IPv6 reference in Request-URI");
                }
            }
            i++;
        } else {
            while (i < hostport.length() && Chars.isHostChar(hostport.charAt(i))) {
                i++;
            }
            if (i == 0) {
                throw Problem.syntax("Request-URI has no host");
            }
        }
        if (i == hostport.length()) {
            return;
        }
        if (hostport.charAt(i) != ':' || i + 1 == hostport.length() || hostport.length() - i - 1 > 5
                || !allDigits(hostport, i + 1, hostport.length())) {
            throw Problem.syntax("Malformed host or port in Request-URI");
        }
    }

    /** "SIP/" 1*DIGIT "." 1*DIGIT, case-insensitive. */
    private static boolean looksLikeVersion(String v) {
        if (!v.regionMatches(true, 0, "SIP/", 0, 4)) {
            return false;
        }
        int dot = v.indexOf('.', 4);
        return dot > 4 && dot < v.length() - 1 && allDigits(v, 4, dot) && allDigits(v, dot + 1, v.length());
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Chars.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
