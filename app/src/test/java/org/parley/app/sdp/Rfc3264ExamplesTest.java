package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.app.sdp.Sdps.parse;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The offer/answer examples of RFC 3264 §10, with Parley on either side. */
class Rfc3264ExamplesTest {
    private static final AudioCapabilities PCMU_ONLY =
            AudioCapabilities.plain(List.of(Sdps.PCMU), OptionalInt.empty(), OptionalInt.empty());

    @Test
    void basicExchangeParleyAnswersAudioAndRejectsBothVideoStreams() {
        Answer answer = SdpAnswerer.answer(parse(Sdps.RFC3264_10_1_OFFER), PCMU_ONLY, Sdps.LOCAL, Sdps.ORIGIN, false,
                OtherMediaAnswerer.REJECT_ALL);
        SessionDescription expected = parse(Sdps.RFC3264_10_1_ANSWER);

        List<MediaDescription> media = answer.description().media();
        assertThat(media).extracting(MediaDescription::media).containsExactly("audio", "video", "video");
        assertThat(media).extracting(MediaDescription::port).containsExactly(40000, 0, 0);
        assertThat(media.get(0).formats()).isEqualTo(expected.media().get(0).formats());
        assertThat(media.get(0).rtpFormats()).isEqualTo(expected.media().get(0).rtpFormats());
        assertThat(media.get(1)).isEqualTo(expected.media().get(1));
        NegotiatedAudio audio = (NegotiatedAudio) answer.audio();
        assertThat(audio.remoteAddress()).isEqualTo("host.anywhere.com");
        assertThat(audio.remotePort()).isEqualTo(49170);
        assertThat(audio.rtcpPort()).isEqualTo(49171);
        assertThat(audio.send()).isEqualTo(Sdps.PCMU);
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void basicExchangeParleyReadsBobsAnswerToItsOffer() {
        AudioOutcome outcome = AnswerReader.read(parse(Sdps.RFC3264_10_1_OFFER), parse(Sdps.RFC3264_10_1_ANSWER),
                PCMU_ONLY);

        NegotiatedAudio audio = (NegotiatedAudio) outcome;
        assertThat(audio.remoteAddress()).isEqualTo("host.example.com");
        assertThat(audio.remotePort()).isEqualTo(49920);
        assertThat(audio.send().payloadType()).isZero();
        assertThat(audio.receive()).containsExactly(Sdps.PCMU);
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.secure()).isFalse();
    }

    @Test
    void basicExchangeReofferKeepsFourStreamsAndRejectsTheSecondAudioStream() {
        Answer answer = SdpAnswerer.answer(parse(Sdps.RFC3264_10_1_REOFFER), PCMU_ONLY, Sdps.LOCAL, Sdps.ORIGIN, false,
                OtherMediaAnswerer.REJECT_ALL);

        assertThat(answer.description().media()).extracting(MediaDescription::media)
                .containsExactly("audio", "video", "video", "audio");
        assertThat(answer.description().media()).extracting(MediaDescription::port).containsExactly(40000, 0, 0, 0);
        assertThat(((NegotiatedAudio) answer.audio()).remotePort()).isEqualTo(65422);
    }

    @Test
    void oneOfNCodecSelectionInactiveOfferGetsInactiveAnswerWithTheCommonCodecs() {
        AudioCapabilities caps = AudioCapabilities.plain(List.of(Sdps.PCMU, RtpFormat.of(4, "G723", 8000, 1)),
                OptionalInt.empty(), OptionalInt.empty());

        Answer answer = SdpAnswerer.answer(parse(Sdps.RFC3264_10_2_OFFER), caps, Sdps.LOCAL, Sdps.ORIGIN, false,
                OtherMediaAnswerer.REJECT_ALL);

        SessionDescription bob = parse(Sdps.RFC3264_10_2_ANSWER);
        MediaDescription audio = answer.description().media().get(0);
        assertThat(audio.formats()).isEqualTo(bob.media().get(0).formats());
        assertThat(answer.description().direction(audio)).isEqualTo(bob.direction(bob.media().get(0)))
                .isEqualTo(Direction.INACTIVE);
    }

    @Test
    void oneOfNCodecSelectionParleyReadsTheInactiveAnswer() {
        AudioCapabilities caps = AudioCapabilities.plain(List.of(Sdps.PCMU, RtpFormat.of(18, "G729", 8000, 1)),
                OptionalInt.empty(), OptionalInt.empty());

        NegotiatedAudio audio = (NegotiatedAudio) AnswerReader.read(parse(Sdps.RFC3264_10_2_OFFER),
                parse(Sdps.RFC3264_10_2_ANSWER), caps);

        assertThat(audio.direction()).isEqualTo(Direction.INACTIVE);
        assertThat(audio.send()).isEqualTo(Sdps.PCMU);
        assertThat(audio.remotePort()).isEqualTo(54344);
    }
}
