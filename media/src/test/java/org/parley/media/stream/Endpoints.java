package org.parley.media.stream;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.parley.media.codec.Codec;
import org.parley.media.srtp.SrtpSession;

/** Opening streams on loopback and building the configurations two peers agree on. */
final class Endpoints {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final int TELEPHONE_EVENT = 101;

    private Endpoints() {}

    static AudioStream open(String cname) throws IOException {
        return AudioStream.open(LOOPBACK, 20000, 59999, cname);
    }

    static AudioStream open(String cname, Duration mediaTimeout) throws IOException {
        return AudioStream.open(LOOPBACK, 20000, 59999, cname, mediaTimeout);
    }

    static InetSocketAddress rtpOf(AudioStream s) {
        return new InetSocketAddress(LOOPBACK, s.localRtpPort());
    }

    static InetSocketAddress rtcpOf(AudioStream s) {
        return new InetSocketAddress(LOOPBACK, s.localRtcpPort());
    }

    /** Send-receive to {@code peer} in {@code codec} (its static PT, or 111), events on 101 both ways. */
    static StreamConfig toward(AudioStream peer, Codec codec, Optional<SrtpSession> srtp) {
        return toward(rtpOf(peer), rtcpOf(peer), codec, srtp);
    }

    static StreamConfig toward(InetSocketAddress rtp, InetSocketAddress rtcp, Codec codec,
            Optional<SrtpSession> srtp) {
        int pt = payloadType(codec);
        return new StreamConfig(rtp, rtcp, codec, pt, Map.of(pt, codec), TELEPHONE_EVENT,
                TELEPHONE_EVENT, StreamDirection.SEND_RECEIVE, srtp);
    }

    static int payloadType(Codec codec) {
        return codec.staticPayloadType() >= 0 ? codec.staticPayloadType() : 111;
    }
}
