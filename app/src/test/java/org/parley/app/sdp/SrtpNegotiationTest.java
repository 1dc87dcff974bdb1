package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RTP/SAVP versus RTP/AVP and SDES crypto lines (RFC 4568 shape) in offers and answers. */
class SrtpNegotiationTest {
    private static final String AVP_WITH_CRYPTO = Sdps.BARESIP_SAVP_OFFER.replace("RTP/SAVP", "RTP/AVP");
    private static final String AVP_PLAIN = Sdps.ASTERISK_OFFER;

    private static String offer(String kind) {
        return switch (kind) {
            case "SAVP" -> Sdps.BARESIP_SAVP_OFFER;
            case "SAVP_NO_COMMON" -> Sdps.BARESIP_SAVP_OFFER.replace("AES_CM_128_HMAC_SHA1_", "F8_128_HMAC_SHA1_");
            case "AVP_CRYPTO" -> AVP_WITH_CRYPTO;
            case "AVP" -> AVP_PLAIN;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "offer {0}, policy {1} -> {2}")
    @CsvSource({
            "SAVP,           OFF,      NoCommonCrypto, ''",
            "SAVP,           OPTIONAL, secure,         RTP/SAVP",
            "SAVP,           REQUIRED, secure,         RTP/SAVP",
            "SAVP_NO_COMMON, REQUIRED, NoCommonCrypto, ''",
            "AVP_CRYPTO,     OFF,      plain,          RTP/AVP",
            "AVP_CRYPTO,     OPTIONAL, secure,         RTP/AVP",
            "AVP_CRYPTO,     REQUIRED, secure,         RTP/AVP",
            "AVP,            OFF,      plain,          RTP/AVP",
            "AVP,            OPTIONAL, plain,          RTP/AVP",
            "AVP,            REQUIRED, SrtpRequired,   ''",
    })
    void answerTable(String kind, SrtpPolicy policy, String outcome, String protocol) throws SdpException {
        Answer answer = SdpAnswerer.answer(SdpParser.parse(offer(kind)), Sdps.parley(policy), Sdps.LOCAL, Sdps.ORIGIN,
                false, OtherMediaAnswerer.REJECT_ALL);

        MediaDescription section = answer.description().media().get(0);
        switch (outcome) {
            case "secure", "plain" -> {
                NegotiatedAudio audio = (NegotiatedAudio) answer.audio();
                assertThat(audio.secure()).isEqualTo(outcome.equals("secure"));
                assertThat(section.protocol()).isEqualTo(protocol);
                assertThat(section.cryptos()).hasSize(outcome.equals("secure") ? 1 : 0);
            }
            default -> {
                assertThat(answer.audio().getClass().getSimpleName()).isEqualTo(outcome);
                assertThat(section.port()).isZero();
            }
        }
    }

    @Test
    void answerTakesTheFirstOfferedSuiteParleyHasWithTheOfferedTagAndParleysKey() throws SdpException {
        Answer answer = SdpAnswerer.answer(SdpParser.parse(Sdps.BARESIP_SAVP_OFFER), Sdps.parley(SrtpPolicy.REQUIRED),
                Sdps.LOCAL, Sdps.ORIGIN, false, OtherMediaAnswerer.REJECT_ALL);

        ChosenCrypto chosen = ((NegotiatedAudio) answer.audio()).crypto().orElseThrow();
        assertThat(chosen.remote().value())
                .isEqualTo("1 AES_CM_128_HMAC_SHA1_32 inline:QdTLuJO9vTPJzvAMjDBnHVGFqxrmfwZiSe1OU+1E");
        assertThat(chosen.local()).isEqualTo(Sdps.OUR_32.withTag(1));
        assertThat(answer.description().media().get(0).cryptos()).containsExactly(Sdps.OUR_32.withTag(1));
    }

    @ParameterizedTest(name = "policy {0} offers {1} with {2} crypto lines")
    @CsvSource({"OFF, RTP/AVP, 0", "OPTIONAL, RTP/AVP, 2", "REQUIRED, RTP/SAVP, 2"})
    void offerShape(SrtpPolicy policy, String protocol, int cryptoLines) {
        MediaDescription section = AudioOffers.section(Sdps.parley(policy), Sdps.LOCAL, Direction.SENDRECV);

        assertThat(section.protocol()).isEqualTo(protocol);
        assertThat(section.cryptos()).hasSize(cryptoLines);
    }

    @Test
    void answerToParleysOfferPairsTheAnsweredLineByTag() throws SdpException {
        SessionDescription offer = AudioOffers.offer(Sdps.ORIGIN, Sdps.parley(SrtpPolicy.REQUIRED), Sdps.LOCAL,
                Direction.SENDRECV);
        String answer = Sdps.ASTERISK_OFFER.replace("RTP/AVP", "RTP/SAVP")
                .replace("a=sendrecv", "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIz\n"
                        + "a=sendrecv");

        NegotiatedAudio audio = (NegotiatedAudio) AnswerReader.read(offer, SdpParser.parse(answer),
                Sdps.parley(SrtpPolicy.REQUIRED));

        assertThat(audio.crypto().orElseThrow().local()).isEqualTo(Sdps.OUR_32);
        assertThat(audio.crypto().orElseThrow().remote().params())
                .isEqualTo("inline:Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIz");
    }

    @Test
    void answerWithoutCryptoToASavpOfferIsRefused() throws SdpException {
        SessionDescription offer = AudioOffers.offer(Sdps.ORIGIN, Sdps.parley(SrtpPolicy.REQUIRED), Sdps.LOCAL,
                Direction.SENDRECV);
        String answer = Sdps.ASTERISK_OFFER.replace("RTP/AVP", "RTP/SAVP");

        assertThat(AnswerReader.read(offer, SdpParser.parse(answer), Sdps.parley(SrtpPolicy.REQUIRED)))
                .isInstanceOf(AudioRejection.SrtpRequired.class);
    }

    @Test
    void plainAnswerToABestEffortOfferIsPlainRtp() throws SdpException {
        SessionDescription offer = AudioOffers.offer(Sdps.ORIGIN, Sdps.parley(SrtpPolicy.OPTIONAL), Sdps.LOCAL,
                Direction.SENDRECV);

        NegotiatedAudio audio = (NegotiatedAudio) AnswerReader.read(offer, SdpParser.parse(Sdps.ASTERISK_OFFER),
                Sdps.parley(SrtpPolicy.OPTIONAL));

        assertThat(audio.secure()).isFalse();
        assertThat(List.of(audio.send())).containsExactly(Sdps.PCMU);
    }
}
