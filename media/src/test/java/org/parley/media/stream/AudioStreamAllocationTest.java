package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.media.stream.Endpoints.open;
import static org.parley.media.stream.Endpoints.toward;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.media.codec.Codec;
import org.parley.media.codec.G711Codec;
import org.parley.media.codec.G722Codec;
import org.parley.media.codec.OpusCodec;
import org.parley.media.srtp.SdesCrypto;
import org.parley.media.srtp.SrtpSession;
import org.parley.media.srtp.SrtpSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steady call's media threads allocate nothing per packet outside the codec: the sender
 * (resample, encode, RTP header, SRTP, send), the playout (jitter buffer, resample, sink) and the
 * RTP session's thread (receive, SRTP, statistics, jitter buffer offer). Codec calls are told apart
 * by {@link MeteredCodec}: Concentus allocates 20–140 KB inside each Opus call on its own (see
 * {@code ConcentusOpusAllocationTest}); G.711 and G.722 allocate nothing. The RTP thread allocates
 * one quality snapshot four times a second (about 5 bytes per packet when spread over 50 packets a
 * second) and a few objects per RTCP report, not per packet.
 */
class AudioStreamAllocationTest {
    private static final Logger LOG = LoggerFactory.getLogger(AudioStreamAllocationTest.class);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int FRAMES = 250;
    /** Any object allocated per packet is at least 16 bytes; below this is one-off JIT noise. */
    private static final double MEDIA_BYTES_PER_PACKET = 4;
    /** The RTP thread's quality snapshots (4/s, 64 bytes) and RTCP reports, spread over 50 packets/s. */
    private static final double RTP_THREAD_BYTES_PER_PACKET = 16;

    static Stream<Arguments> calls() {
        return Stream.of(
                Arguments.of(G711Codec.PCMU, false),
                Arguments.of(G722Codec.INSTANCE, false),
                Arguments.of(OpusCodec.INSTANCE, false),
                Arguments.of(OpusCodec.INSTANCE, true));
    }

    @ParameterizedTest(name = "{0}, SRTP {1}")
    @MethodSource("calls")
    void aSteadyCallAllocatesNothingPerPacketOutsideTheCodec(Codec codec, boolean srtp) throws IOException {
        MeteredCodec atB = new MeteredCodec(codec);
        MeteredSink sinkB = new MeteredSink();
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test")) {
            Optional<SrtpSession> srtpA = Optional.empty();
            Optional<SrtpSession> srtpB = Optional.empty();
            if (srtp) {
                SecureRandom random = new SecureRandom();
                SdesCrypto keyA = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, random);
                SdesCrypto keyB = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, random);
                srtpA = Optional.of(SrtpSession.fromSdes(keyA, keyB));
                srtpB = Optional.of(SrtpSession.fromSdes(keyB, keyA));
            }
            a.start(toward(b, codec, srtpA), new ToneSource(), new MeteredSink(), new RecordingStreamListener());
            b.start(toward(a, atB, srtpB), new ToneSource(), sinkB, new RecordingStreamListener());
            await().atMost(Duration.ofSeconds(15)).until(() -> sinkB.audibleFrames() > FRAMES);

            MeteredCodec.Meter encoder = atB.liveEncoder();
            MeteredCodec.Meter decoder = atB.liveDecoder();
            Thread rtp = AudioStreamHoldTest.thread("parley-rtp-" + b.localRtpPort());
            int encodeFrom = encoder.calls();
            int decodeFrom = decoder.calls();
            long rtpBefore = THREADS.getThreadAllocatedBytes(rtp.getId());
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> encoder.calls() > encodeFrom + FRAMES && decoder.calls() > decodeFrom + FRAMES);
            long rtpBytes = THREADS.getThreadAllocatedBytes(rtp.getId()) - rtpBefore;
            double rtpPerPacket = (double) rtpBytes / (decoder.calls() - decodeFrom);

            double send = (double) (encoder.outsideAt(encodeFrom + FRAMES) - encoder.outsideAt(encodeFrom)) / FRAMES;
            double play = (double) (decoder.outsideAt(decodeFrom + FRAMES) - decoder.outsideAt(decodeFrom)) / FRAMES;
            String figures = String.format(
                    "%s%s, bytes per packet outside the codec: send %.1f, play %.1f; RTP thread %.1f",
                    codec, srtp ? " + SRTP" : "", send, play, rtpPerPacket);
            LOG.info(figures);
            assertThat(send).as(figures).isLessThanOrEqualTo(MEDIA_BYTES_PER_PACKET);
            assertThat(play).as(figures).isLessThanOrEqualTo(MEDIA_BYTES_PER_PACKET);
            assertThat(rtpPerPacket).as(figures).isLessThan(RTP_THREAD_BYTES_PER_PACKET);
        }
    }
}
