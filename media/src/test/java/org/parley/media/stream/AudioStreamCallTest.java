package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.stream.Endpoints.open;
import static org.parley.media.stream.Endpoints.toward;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.media.codec.Codec;
import org.parley.media.codec.G711Codec;
import org.parley.media.codec.OpusCodec;
import org.parley.media.srtp.SdesCrypto;
import org.parley.media.srtp.SrtpSession;
import org.parley.media.srtp.SrtpSuite;

/** Speech through two streams back to back on loopback, both directions at once, in each codec. */
class AudioStreamCallTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path work;

    static Stream<Arguments> codecs() {
        return Stream.of(Arguments.of(G711Codec.PCMU), Arguments.of(G711Codec.PCMA),
                Arguments.of(OpusCodec.INSTANCE));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void speechArrivesIntactInBothDirections(Codec codec) throws IOException {
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test")) {
            Conversation.Outcome out = Conversation.run(work,
                    a, toward(b, codec, Optional.empty()), b, toward(a, codec, Optional.empty()));

            assertThat(out.atB().correlation()).as("A→B %s %s", out.atB(), out.qualityAtB()).isGreaterThanOrEqualTo(0.95);
            assertThat(out.atA().correlation()).as("B→A %s %s", out.atA(), out.qualityAtA()).isGreaterThanOrEqualTo(0.95);
            assertThat(out.atB().coverage()).isGreaterThan(0.99);
            if (codec != OpusCodec.INSTANCE) { // Opus alone scores about 0.93 against the original
                assertThat(out.atBVersusOriginal().correlation()).isGreaterThanOrEqualTo(0.95);
            }
            assertThat(out.qualityAtB().codec()).isEqualTo(codec.encodingName() + "/" + codec.clockRate());
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void speechArrivesIntactOverSrtp(Codec codec) throws IOException {
        SdesCrypto keyA = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, RANDOM);
        SdesCrypto keyB = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, RANDOM);
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test")) {
            Conversation.Outcome out = Conversation.run(work,
                    a, toward(b, codec, Optional.of(SrtpSession.fromSdes(keyA, keyB))),
                    b, toward(a, codec, Optional.of(SrtpSession.fromSdes(keyB, keyA))));

            assertThat(out.atB().correlation()).as("A→B %s %s", out.atB(), out.qualityAtB()).isGreaterThanOrEqualTo(0.95);
            assertThat(out.atA().correlation()).as("B→A %s %s", out.atA(), out.qualityAtA()).isGreaterThanOrEqualTo(0.95);
            assertThat(a.rejectedPackets()).isZero();
            assertThat(b.rejectedPackets()).isZero();
        }
    }

    @Test
    void srtpWithMismatchedKeysPlaysNothingAndCountsRejections() throws IOException {
        SdesCrypto keyA = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, RANDOM);
        SdesCrypto keyB = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, RANDOM);
        SdesCrypto wrong = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, RANDOM);
        try (AudioStream a = open("alice@test"); AudioStream b = open("bob@test")) {
            Conversation.Outcome out = Conversation.run(work,
                    a, toward(b, G711Codec.PCMU, Optional.of(SrtpSession.fromSdes(keyA, keyB))),
                    b, toward(a, G711Codec.PCMU, Optional.of(SrtpSession.fromSdes(keyB, wrong))));

            assertThat(out.recordedAtB()).isNotEmpty().containsOnly((short) 0);
            assertThat(b.rejectedPackets()).isGreaterThan(100);
            assertThat(out.qualityAtB().jitter().received()).isZero();
        }
    }
}
