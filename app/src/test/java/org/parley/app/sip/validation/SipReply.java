package org.parley.app.sip.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** A response as the end-to-end test sees it: status, Call-ID and header section (status 0: not a response). */
record SipReply(int status, String callId, String head) {

    static Optional<SipReply> parse(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (!text.startsWith("SIP/2.0 ") || text.length() < 11) {
            return Optional.empty();
        }
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? text : text.substring(0, headEnd + 2);
        return Optional.of(new SipReply(Integer.parseInt(text.substring(8, 11)), header(head, "call-id", "i"), head));
    }

    /** The first value of a header, by long or compact name; "" when absent. */
    static String header(String head, String name, String compact) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String n = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (n.equals(name) || n.equals(compact)) {
                    return line.substring(colon + 1).strip();
                }
            }
        }
        return "";
    }

    /**
     * One message from a stream: header section through the empty line, then Content-Length octets.
     *
     * @return empty at end of stream
     */
    static Optional<SipReply> read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int tail = 0; // the last four octets
        while (true) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            buf.write(b);
            tail = (tail << 8) | b;
            if (tail == 0x0d0a0d0a) {
                byte[] bytes = buf.toByteArray();
                SipReply r = parse(bytes, bytes.length).orElse(new SipReply(0, "", ""));
                String cl = header(r.head(), "content-length", "l");
                in.readNBytes(cl.isEmpty() ? 0 : Integer.parseInt(cl));
                return Optional.of(r);
            }
        }
    }

    boolean isFinal() {
        return status >= 200;
    }
}
