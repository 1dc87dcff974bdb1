package org.parley.uibench.storm;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The few parts of a SIP response (RFC 3261 §7.2) the load generator looks at: status, Call-ID, CSeq number and
 * single header values by name (full names and the compact {@code i} for Call-ID). Bench plumbing; a value.
 */
record SipResponse(int status, String callId, long cseq, String text) {

    /** Null when the datagram is not a SIP response with Call-ID and CSeq. */
    static SipResponse parse(byte[] data, int length) {
        String text = new String(data, 0, length, StandardCharsets.UTF_8);
        if (!text.startsWith("SIP/2.0 ") || text.length() < 11) {
            return null;
        }
        int status;
        try {
            status = Integer.parseInt(text.substring(8, 11));
        } catch (NumberFormatException e) {
            return null;
        }
        String callId = header(text, "call-id", "i");
        String cseq = header(text, "cseq", null);
        if (callId == null || cseq == null) {
            return null;
        }
        try {
            return new SipResponse(status, callId, Long.parseLong(cseq.split("\\s+")[0]), text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value of the first header named {@code name}, or null. */
    String header(String name) {
        return header(text, name.toLowerCase(Locale.ROOT), null);
    }

    private static String header(String text, String name, String compact) {
        int lineStart = text.indexOf("\r\n") + 2;
        while (lineStart > 1 && lineStart < text.length()) {
            int end = text.indexOf("\r\n", lineStart);
            if (end < 0 || end == lineStart) {
                return null;
            }
            int colon = text.indexOf(':', lineStart);
            if (colon > 0 && colon < end) {
                String field = text.substring(lineStart, colon).trim().toLowerCase(Locale.ROOT);
                if (field.equals(name) || field.equals(compact)) {
                    return text.substring(colon + 1, end).trim();
                }
            }
            lineStart = end + 2;
        }
        return null;
    }
}
