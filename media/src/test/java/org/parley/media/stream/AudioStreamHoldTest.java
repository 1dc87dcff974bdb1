package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.media.stream.Endpoints.open;
import static org.parley.media.stream.Endpoints.toward;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.G711Codec;

/** Hold and resume through {@link AudioStream#update}: what stops, what goes on, what stays. */
class AudioStreamHoldTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void sendOnlyStopsPlayingInactiveStopsSendingAndResumeRestoresBothOnTheSameSockets()
            throws IOException {
        MeteredSink sinkA = new MeteredSink();
        MeteredSink sinkB = new MeteredSink();
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test")) {
            int portA = a.localRtpPort();
            Thread rtpThreadA = thread("parley-rtp-" + portA);
            StreamConfig toB = toward(b, G711Codec.PCMU, Optional.empty());
            StreamConfig toA = toward(a, G711Codec.PCMU, Optional.empty());
            a.start(toB, new ToneSource(), sinkA, new RecordingStreamListener());
            b.start(toA, new ToneSource(), sinkB, new RecordingStreamListener());
            await().atMost(WAIT).until(() -> sinkA.audibleFrames() > 10 && sinkB.audibleFrames() > 10);

            a.update(toB.withDirection(StreamDirection.SEND_ONLY)); // A holds: sends, plays nothing
            await().atMost(WAIT).until(() -> sinkA.silentRun() > 25);
            long heardAtB = sinkB.audibleFrames();
            await().atMost(WAIT).until(() -> sinkB.audibleFrames() > heardAtB + 25);

            a.update(toB.withDirection(StreamDirection.INACTIVE)); // neither way
            b.update(toA.withDirection(StreamDirection.INACTIVE));
            await().atMost(WAIT).until(() -> sinkB.silentRun() > 25);
            Progress sentByA = new Progress(() -> b.quality().rtp().packetsReceived());
            await().atMost(WAIT).until(() -> sentByA.stalledFor(600));
            assertThat(sinkA.silentRun()).isGreaterThan(25);

            a.update(toB);
            b.update(toA);
            await().atMost(WAIT).until(() -> sinkA.silentRun() == 0 && sinkB.silentRun() == 0);
            long resumedA = sinkA.audibleFrames();
            await().atMost(WAIT).until(() -> sinkA.audibleFrames() > resumedA + 25);

            assertThat(a.localRtpPort()).isEqualTo(portA);
            assertThat(thread("parley-rtp-" + portA)).isSameAs(rtpThreadA);
            assertThat(rtpThreadA.isAlive()).isTrue();
        }
    }

    static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name)).findFirst().orElse(null);
    }
}
