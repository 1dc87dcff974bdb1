package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.media.stream.Endpoints.open;
import static org.parley.media.stream.Endpoints.toward;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.G711Codec;
import org.parley.media.codec.OpusCodec;

class AudioStreamDtmfTest {

    @Test
    void digitsSentWhileAudioFlowsArriveOnceEachInOrder() throws IOException {
        RecordingStreamListener atB = new RecordingStreamListener();
        MeteredSink sinkB = new MeteredSink();
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test")) {
            a.start(toward(b, OpusCodec.INSTANCE, Optional.empty()), new ToneSource(), new MeteredSink(),
                    new RecordingStreamListener());
            b.start(toward(a, OpusCodec.INSTANCE, Optional.empty()), new ToneSource(), sinkB, atB);
            await().atMost(Duration.ofSeconds(5)).until(() -> sinkB.audibleFrames() > 10);

            assertThat(a.sendDtmf("123#")).isTrue();

            await().atMost(Duration.ofSeconds(5)).until(() -> atB.digits().length() >= 4);
            long audible = sinkB.audibleFrames();
            await().atMost(Duration.ofSeconds(5)).until(() -> sinkB.audibleFrames() > audible + 10);
            assertThat(atB.digits()).isEqualTo("123#");
        }
    }

    @Test
    void sendDtmfReturnsFalseWhenThePeerHasNoTelephoneEvent() throws IOException {
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test")) {
            StreamConfig withEvents = toward(b, G711Codec.PCMU, Optional.empty());
            StreamConfig noEvents = new StreamConfig(withEvents.remoteRtp(), withEvents.remoteRtcp(),
                    G711Codec.PCMU, 0, Map.of(0, G711Codec.PCMU), -1, -1, StreamDirection.SEND_RECEIVE,
                    Optional.empty());
            a.start(noEvents, new ToneSource(), new MeteredSink(), new RecordingStreamListener());

            assertThat(a.sendDtmf("5")).isFalse();
        }
    }

    @Test
    void sendDtmfRejectsCharactersThatAreNoDigits() throws IOException {
        try (AudioStream a = open("alice@test")) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> a.sendDtmf("12x"));
        }
    }
}
