package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.parley.media.stream.Endpoints.open;
import static org.parley.media.stream.Endpoints.toward;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.G711Codec;

class AudioStreamLifecycleTest {

    @Test
    void closeStopsEveryThreadOfTheStreamPromptlyAndTwiceIsHarmless() throws IOException {
        MeteredSink sinkA = new MeteredSink();
        try (AudioStream b = open("bob@test")) {
            AudioStream a = open("alice@test");
            int port = a.localRtpPort();
            a.start(toward(b, G711Codec.PCMU, Optional.empty()), new ToneSource(), sinkA,
                    new RecordingStreamListener());
            b.start(toward(a, G711Codec.PCMU, Optional.empty()), new ToneSource(), new MeteredSink(),
                    new RecordingStreamListener());
            await().atMost(Duration.ofSeconds(5)).until(() -> sinkA.audibleFrames() > 10);
            assertThat(threadsOf(port)).hasSize(3);

            long start = System.nanoTime();
            a.close();
            long millis = (System.nanoTime() - start) / 1_000_000;
            a.close();

            assertThat(threadsOf(port)).isEmpty();
            assertThat(millis).isLessThan(500);
            assertThat(a.sendDtmf("1")).isFalse();
            assertThatIllegalStateException().isThrownBy(() -> a.start(
                    toward(b, G711Codec.PCMU, Optional.empty()), new ToneSource(), new MeteredSink(),
                    new RecordingStreamListener()));
        }
    }

    @Test
    void closeBeforeStartReleasesTheSockets() throws IOException {
        AudioStream a = open("alice@test");
        int port = a.localRtpPort();
        assertThat(threadsOf(port)).hasSize(1);

        a.close();

        assertThat(threadsOf(port)).isEmpty();
    }

    /** Live threads named after the stream's RTP port. */
    static List<String> threadsOf(int port) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.equals("parley-rtp-" + port) || n.startsWith("parley-stream-" + port + "-"))
                .collect(Collectors.toList());
    }
}
