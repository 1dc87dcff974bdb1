package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.parley.media.stream.Endpoints.open;
import static org.parley.media.stream.Endpoints.rtcpOf;
import static org.parley.media.stream.Endpoints.rtpOf;
import static org.parley.media.stream.Endpoints.toward;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.media.codec.Codec;
import org.parley.media.codec.G711Codec;
import org.parley.media.codec.OpusCodec;
import org.parley.media.jitter.JitterStatistics;
import org.parley.media.testsupport.ImpairmentRelay;
import org.parley.media.testsupport.ImpairmentRelay.Impairment;

/** Speech through the impairment relay: 5 % loss and up to 30 ms of jitter, both ways (RTCP direct). */
class AudioStreamImpairmentTest {
    @TempDir
    Path work;

    static Stream<Arguments> codecs() {
        return Stream.of(Arguments.of(OpusCodec.INSTANCE), Arguments.of(G711Codec.PCMU));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void speechSurvivesLossAndJitterAndTheBufferCountsWhatTheRelayDid(Codec codec) throws IOException {
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test");
                ImpairmentRelay relay = ImpairmentRelay.start(rtpOf(a), rtpOf(b),
                        new Impairment(5, 30, 0, 4733))) {
            Conversation.Outcome out = Conversation.run(work,
                    a, toward(relay.addressForA(), rtcpOf(b), codec, Optional.empty()),
                    b, toward(relay.addressForB(), rtcpOf(a), codec, Optional.empty()));

            assertThat(out.atB().correlation()).as("A→B %s %s", out.atB(), relay.towardB())
                    .isGreaterThanOrEqualTo(0.8);
            assertThat(out.atA().correlation()).as("B→A %s %s", out.atA(), relay.towardA())
                    .isGreaterThanOrEqualTo(0.8);
            JitterStatistics atB = out.qualityAtB().jitter();
            assertThat(relay.towardB().dropped()).isGreaterThan(3);
            assertThat((double) atB.lost()).as("%s / %s", atB, relay.towardB())
                    .isCloseTo(relay.towardB().dropped(), within(3.0));
            assertThat((double) atB.reordered()).as("%s / %s", atB, relay.towardB())
                    .isCloseTo(relay.towardB().reordered(), within(3.0 + 0.1 * relay.towardB().reordered()));
            assertThat(atB.concealed() + atB.fecRecovered()).isGreaterThanOrEqualTo(atB.lost() - 3);
        }
    }
}
