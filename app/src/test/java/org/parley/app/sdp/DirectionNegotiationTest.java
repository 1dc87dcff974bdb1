package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Direction mirroring (RFC 3264 §6.1), local hold, legacy c=0.0.0.0 hold (§8.4) and what Parley offers for hold. */
class DirectionNegotiationTest {
    @ParameterizedTest(name = "offer {0}, local hold {1}, c=0.0.0.0 {2} -> answer {3}, held by remote {4}")
    @CsvSource({
            "SENDRECV, false, false, SENDRECV, false",
            "SENDONLY, false, false, RECVONLY, true",
            "RECVONLY, false, false, SENDONLY, false",
            "INACTIVE, false, false, INACTIVE, true",
            "SENDRECV, true,  false, SENDONLY, false",
            "SENDONLY, true,  false, INACTIVE, true",
            "RECVONLY, true,  false, SENDONLY, false",
            "INACTIVE, true,  false, INACTIVE, true",
            "SENDRECV, false, true,  RECVONLY, true",
            "RECVONLY, false, true,  INACTIVE, true",
            "SENDRECV, true,  true,  INACTIVE, true",
    })
    void answerDirection(Direction offered, boolean localHold, boolean legacyHold, Direction expected,
            boolean heldByRemote) throws SdpException {
        String offer = Sdps.ASTERISK_OFFER.replace("a=sendrecv", "a=" + offered.attributeName());
        if (legacyHold) {
            offer = offer.replace("c=IN IP4 203.0.113.10", "c=IN IP4 0.0.0.0");
        }

        Answer answer = SdpAnswerer.answer(SdpParser.parse(offer), Sdps.parley(), Sdps.LOCAL, Sdps.ORIGIN, localHold,
                OtherMediaAnswerer.REJECT_ALL);

        NegotiatedAudio audio = (NegotiatedAudio) answer.audio();
        assertThat(audio.direction()).isEqualTo(expected);
        assertThat(audio.heldByRemote()).isEqualTo(heldByRemote);
        MediaDescription section = answer.description().media().get(0);
        assertThat(answer.description().direction(section)).isEqualTo(expected);
        assertThat(section.ownDirection()).as("direction is always explicit").contains(expected);
    }

    @ParameterizedTest(name = "session-level {0}, media-level {1} -> answer {2}")
    @CsvSource({
            "sendonly, '',       RECVONLY",
            "sendonly, recvonly, SENDONLY",
            "inactive, sendrecv, SENDRECV",
    })
    void mediaLevelDirectionWinsOverSessionLevel(String session, String media, Direction expected)
            throws SdpException {
        String offer = Sdps.ASTERISK_OFFER.replace("t=0 0\n", "t=0 0\na=" + session + "\n")
                .replace("a=sendrecv\n", media.isEmpty() ? "" : "a=" + media + "\n");

        Answer answer = SdpAnswerer.answer(SdpParser.parse(offer), Sdps.parley(), Sdps.LOCAL, Sdps.ORIGIN, false,
                OtherMediaAnswerer.REJECT_ALL);

        assertThat(((NegotiatedAudio) answer.audio()).direction()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "local hold {0}, held by remote {1} -> offer {2}")
    @CsvSource({
            "false, false, SENDRECV",
            "true,  false, SENDONLY",
            "true,  true,  INACTIVE",
            "false, true,  RECVONLY",
    })
    void offeredDirectionForHold(boolean localHold, boolean heldByRemote, Direction expected) {
        assertThat(Direction.forOffer(localHold, heldByRemote)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "offered {0}, answered {1} -> Parley {2}")
    @CsvSource({
            "SENDRECV, SENDRECV, SENDRECV, false",
            "SENDRECV, RECVONLY, SENDONLY, false",
            "SENDRECV, SENDONLY, RECVONLY, true",
            "SENDONLY, RECVONLY, SENDONLY, false",
            "SENDONLY, INACTIVE, INACTIVE, true",
            "INACTIVE, INACTIVE, INACTIVE, true",
    })
    void answerToParleysOfferGivesParleysDirection(Direction offered, Direction answered, Direction expected,
            boolean heldByRemote) throws SdpException {
        SessionDescription offer = AudioOffers.offer(Sdps.ORIGIN, Sdps.parley(), Sdps.LOCAL, offered);
        String answer = Sdps.ASTERISK_OFFER.replace("a=sendrecv", "a=" + answered.attributeName());

        NegotiatedAudio audio = (NegotiatedAudio) AnswerReader.read(offer, SdpParser.parse(answer), Sdps.parley());

        assertThat(audio.direction()).isEqualTo(expected);
        assertThat(audio.heldByRemote()).isEqualTo(heldByRemote);
    }
}
