package org.parley.app.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link SessionDescription} in canonical form: CRLF line ends, lines in RFC 8866 §5 order ({@code v o s c b
 * t a}, then per section {@code m c b a}). {@link SdpParser} reads the output back to an equal description. Pure and
 * thread-safe.
 */
public final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    public static String write(SessionDescription sd) {
        StringBuilder b = new StringBuilder(256 + 256 * sd.media().size());
        Origin o = sd.origin();
        b.append("v=").append(SessionDescription.VERSION).append(CRLF);
        b.append("o=").append(o.username()).append(' ').append(o.sessionId()).append(' ').append(o.sessionVersion())
                .append(' ').append(o.netType()).append(' ').append(o.addrType()).append(' ').append(o.address())
                .append(CRLF);
        b.append("s=").append(sd.sessionName()).append(CRLF);
        sd.connection().ifPresent(c -> connection(b, c));
        bandwidths(b, sd.bandwidths());
        b.append("t=").append(sd.timing().start()).append(' ').append(sd.timing().stop()).append(CRLF);
        attributes(b, sd.attributes());
        for (MediaDescription m : sd.media()) {
            b.append("m=").append(m.media()).append(' ').append(m.port());
            m.portCount().ifPresent(n -> b.append('/').append(n));
            b.append(' ').append(m.protocol());
            for (String format : m.formats()) {
                b.append(' ').append(format);
            }
            b.append(CRLF);
            m.connection().ifPresent(c -> connection(b, c));
            bandwidths(b, m.bandwidths());
            attributes(b, m.attributes());
        }
        return b.toString();
    }

    /** The UTF-8 body for a SIP message. */
    public static byte[] bytes(SessionDescription sd) {
        return write(sd).getBytes(StandardCharsets.UTF_8);
    }

    private static void connection(StringBuilder b, Connection c) {
        b.append("c=").append(c.netType()).append(' ').append(c.addrType()).append(' ').append(c.address())
                .append(CRLF);
    }

    private static void bandwidths(StringBuilder b, List<Bandwidth> bandwidths) {
        for (Bandwidth bw : bandwidths) {
            b.append("b=").append(bw.type()).append(':').append(bw.value()).append(CRLF);
        }
    }

    private static void attributes(StringBuilder b, List<Attribute> attributes) {
        for (Attribute a : attributes) {
            b.append("a=").append(a).append(CRLF);
        }
    }
}
