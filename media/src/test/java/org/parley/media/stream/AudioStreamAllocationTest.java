package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.media.stream.Endpoints.open;
import static org.parley.media.stream.Endpoints.toward;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.Codec;
import org.parley.media.codec.G711Codec;
import org.parley.media.codec.OpusCodec;

/**
 * Once warmed up, the sender and playout threads allocate nothing per packet beyond what the codec
 * itself allocates (G.711: nothing; Concentus Opus allocates about 113 KB per encode and 29 KB per
 * decode on its own — a codec issue measured here, not hidden); the RTP session's thread allocates
 * only its quality snapshot (about 4 a second), not per packet.
 */
class AudioStreamAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Stream<Arguments> codecs() {
        return Stream.of(Arguments.of(G711Codec.PCMU), Arguments.of(OpusCodec.INSTANCE));
    }

    /** Bytes the codec's encoder and decoder allocate per 20 ms frame on their own, warmed up. */
    static long[] codecBytesPerFrame(Codec codec) {
        AudioEncoder encoder = codec.newEncoder();
        AudioDecoder decoder = codec.newDecoder();
        short[] pcm = ToneSource.frameAt(codec.samplesPerFrame());
        short[] out = new short[codec.samplesPerFrame()];
        byte[] packet = new byte[1500];
        long id = Thread.currentThread().getId();
        long encoded = 0;
        long decoded = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up
            long before = THREADS.getThreadAllocatedBytes(id);
            int length = 0;
            for (int i = 0; i < 500; i++) {
                length = encoder.encode(pcm, packet, 0);
            }
            long middle = THREADS.getThreadAllocatedBytes(id);
            for (int i = 0; i < 500; i++) {
                decoder.decode(packet, 0, length, out);
            }
            encoded = (middle - before) / 500;
            decoded = (THREADS.getThreadAllocatedBytes(id) - middle) / 500;
        }
        return new long[] {encoded, decoded};
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void mediaThreadsDoNotAllocatePerPacket(Codec codec) throws IOException {
        MeteredSink sinkB = new MeteredSink();
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test")) {
            a.start(toward(b, codec, Optional.empty()), new ToneSource(), new MeteredSink(),
                    new RecordingStreamListener());
            b.start(toward(a, codec, Optional.empty()), new ToneSource(), sinkB,
                    new RecordingStreamListener());
            await().atMost(Duration.ofSeconds(15)).until(() -> sinkB.audibleFrames() > 250);
            Thread send = AudioStreamHoldTest.thread("parley-stream-" + b.localRtpPort() + "-send");
            Thread play = AudioStreamHoldTest.thread("parley-stream-" + b.localRtpPort() + "-play");
            Thread rtp = AudioStreamHoldTest.thread("parley-rtp-" + b.localRtpPort());
            long sendBefore = THREADS.getThreadAllocatedBytes(send.getId());
            long playBefore = THREADS.getThreadAllocatedBytes(play.getId());
            long rtpBefore = THREADS.getThreadAllocatedBytes(rtp.getId());
            long framesBefore = sinkB.frames();

            await().atMost(Duration.ofSeconds(10)).until(() -> sinkB.frames() >= framesBefore + 100);

            long frames = sinkB.frames() - framesBefore;
            long sendBytes = THREADS.getThreadAllocatedBytes(send.getId()) - sendBefore;
            long playBytes = THREADS.getThreadAllocatedBytes(play.getId()) - playBefore;
            long rtpBytes = THREADS.getThreadAllocatedBytes(rtp.getId()) - rtpBefore;
            String figures = String.format("%d frames: send %d B, play %d B, rtp %d B",
                    frames, sendBytes, playBytes, rtpBytes);
            long[] codecAlone = codecBytesPerFrame(codec);
            figures += String.format("; the codec alone: encode %d B, decode %d B per frame",
                    codecAlone[0], codecAlone[1]);
            assertThat((double) sendBytes / frames).as(figures).isLessThanOrEqualTo(codecAlone[0] * 1.02);
            assertThat((double) playBytes / frames).as(figures).isLessThanOrEqualTo(codecAlone[1] * 1.02);
            assertThat((double) rtpBytes / frames).as(figures).isLessThan(16);
        }
    }
}
