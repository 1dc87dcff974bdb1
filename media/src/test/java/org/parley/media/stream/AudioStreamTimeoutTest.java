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

/** The media timeout, shortened to 300 ms through the package-private knob. */
class AudioStreamTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void timeoutFiresOnceWhenThePeerStopsSending() throws IOException {
        RecordingStreamListener atA = new RecordingStreamListener();
        MeteredSink sinkA = new MeteredSink();
        try (AudioStream a = open("alice@test", TIMEOUT); AudioStream b = open("bob@test")) {
            StreamConfig toA = toward(a, G711Codec.PCMU, Optional.empty());
            a.start(toward(b, G711Codec.PCMU, Optional.empty()), new ToneSource(), sinkA, atA);
            b.start(toA, new ToneSource(), new MeteredSink(), new RecordingStreamListener());
            await().atMost(Duration.ofSeconds(5)).until(() -> sinkA.audibleFrames() > 25);
            assertThat(atA.timeouts()).isZero();

            b.update(toA.withDirection(StreamDirection.RECEIVE_ONLY));

            await().atMost(Duration.ofSeconds(3)).until(() -> atA.timeouts() == 1);
            await().during(Duration.ofMillis(900)).atMost(Duration.ofSeconds(2))
                    .until(() -> atA.timeouts() == 1);
        }
    }

    @Test
    void noTimeoutWhileOnHold() throws IOException {
        RecordingStreamListener atA = new RecordingStreamListener();
        try (AudioStream a = open("alice@test", TIMEOUT); AudioStream b = open("bob@test")) {
            StreamConfig toB = toward(b, G711Codec.PCMU, Optional.empty())
                    .withDirection(StreamDirection.SEND_ONLY);
            a.start(toB, new ToneSource(), new MeteredSink(), atA); // B never starts: nothing arrives

            await().during(Duration.ofMillis(900)).atMost(Duration.ofSeconds(2))
                    .until(() -> atA.timeouts() == 0);
        }
    }
}
