package org.parley.media.stream;

import org.parley.media.rtp.PacketTransform;
import org.parley.media.srtp.SrtpSession;

/**
 * The transforms an {@link AudioStream} installs when it opens its RTP session, before SDP has said
 * whether SRTP is used: they pass packets through unchanged until {@link #arm} gives them an {@link
 * SrtpSession}, and protect and check through it from then on. A re-INVITE may re-key ({@code arm}
 * again) or turn SRTP off ({@code arm(null)}).
 *
 * <p>Threading: {@code arm} from any thread (a volatile write); the transforms are called by the
 * threads {@link PacketTransform} names and see the new session from their next packet on.
 */
final class SrtpSwitch {
    private volatile SrtpSession session;

    /** Protects RTP: SRTP when armed. */
    final PacketTransform rtp = new PacketTransform() {
        @Override
        public int protect(byte[] buf, int off, int len) {
            SrtpSession s = session;
            return s == null ? len : s.protectRtp(buf, off, len);
        }

        @Override
        public int unprotect(byte[] buf, int off, int len) {
            SrtpSession s = session;
            return s == null ? len : s.unprotectRtp(buf, off, len);
        }
    };

    /** Protects RTCP: SRTCP when armed. */
    final PacketTransform rtcp = new PacketTransform() {
        @Override
        public int protect(byte[] buf, int off, int len) {
            SrtpSession s = session;
            return s == null ? len : s.protectRtcp(buf, off, len);
        }

        @Override
        public int unprotect(byte[] buf, int off, int len) {
            SrtpSession s = session;
            return s == null ? len : s.unprotectRtcp(buf, off, len);
        }
    };

    /** Uses {@code srtp} from the next packet on; null means plain RTP. */
    void arm(SrtpSession srtp) {
        this.session = srtp;
    }
}
