package org.parley.app.sip.validation;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test safety: points the top Via of each request in a payload at the test's own loopback socket, so that
 * every response goes to 127.0.0.1. Only the sent-by (host and port) is replaced; sent-protocol, folding,
 * whitespace, branch and other parameters, lower Vias, body and Content-Length are left as they were.
 * Responses are not touched (a user agent never sends anything because of a response).
 */
final class LoopbackVia {
    private static final String LWS = "(?:[ \\t]|\\r\\n[ \\t])";
    private static final String TOKEN = "[A-Za-z0-9.!%*_+`'~-]+";
    /** From after the colon of a Via line: sent-protocol LWS, then sent-by. */
    private static final Pattern SENT_BY = Pattern.compile(
            LWS + "*" + TOKEN + LWS + "*/" + LWS + "*" + TOKEN + LWS + "*/" + LWS + "*" + TOKEN + LWS + "+"
            + "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(" + LWS + "*:" + LWS + "*[0-9]+)?");
    private static final Pattern VIA_LINE = Pattern.compile("(?im)^(?:via|v)[ \\t]*:");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:[ \\t]*([0-9]+)[ \\t]*\\r?$");

    private LoopbackVia() {
    }

    /** The payload with each request's top Via sent-by replaced by {@code 127.0.0.1:port}. */
    static byte[] rewrite(byte[] payload, int port) {
        String s = new String(payload, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(s.length() + 32);
        int pos = 0;
        while (pos < s.length() && !s.startsWith("SIP/", pos)) {
            int headerEnd = s.indexOf("\r\n\r\n", pos);
            int sectionEnd = headerEnd < 0 ? s.length() : headerEnd + 2;
            out.append(rewriteSection(s.substring(pos, sectionEnd), port));
            if (headerEnd < 0) {
                pos = s.length();
                break;
            }
            // Continue with a second request in the same payload (dblreq), if Content-Length says where.
            Matcher cl = CONTENT_LENGTH.matcher(s.substring(pos, sectionEnd));
            int next = cl.find() ? headerEnd + 4 + Integer.parseInt(cl.group(1)) : s.length();
            while (next < s.length() && (s.charAt(next) == '\r' || s.charAt(next) == '\n')) {
                next++;
            }
            next = Math.min(next, s.length());
            out.append(s, sectionEnd, next);
            pos = next;
        }
        out.append(s.substring(pos));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Top Via of one header section. */
    private static String rewriteSection(String section, int port) {
        Matcher via = VIA_LINE.matcher(section);
        if (!via.find()) {
            return section;
        }
        Matcher m = SENT_BY.matcher(section);
        m.region(via.end(), section.length());
        if (!m.lookingAt()) {
            return section;
        }
        int end = m.group(2) != null ? m.end(2) : m.end(1);
        return section.substring(0, m.start(1)) + "127.0.0.1:" + port + section.substring(end);
    }
}
