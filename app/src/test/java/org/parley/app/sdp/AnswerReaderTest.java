package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading the peer's answer to Parley's offer (RFC 3264 §7). */
class AnswerReaderTest {
    private final SessionDescription offer = AudioOffers.offer(Sdps.ORIGIN, Sdps.parley(), Sdps.LOCAL,
            Direction.SENDRECV);

    private static SessionDescription answer(String formats, String rtpmaps) throws SdpException {
        return SdpParser.parse("""
                v=0
                o=- 7 7 IN IP4 198.51.100.7
                s=-
                c=IN IP4 198.51.100.7
                t=0 0
                m=audio 30000 RTP/AVP %s
                %sa=sendrecv
                """.formatted(formats, rtpmaps));
    }

    @Test
    void parleysOfferListsItsCodecsTelephoneEventPtimeAndDirection() {
        MediaDescription m = offer.media().get(0);

        assertThat(offer.connection()).contains(new Connection("IN", "IP4", "192.0.2.10"));
        assertThat(m.port()).isEqualTo(40000);
        assertThat(m.formats()).containsExactly("111", "0", "8", "101");
        assertThat(m.rtpMap(111)).contains(new RtpMap(111, "opus", 48000, 2));
        assertThat(m.fmtp("111")).contains("useinbandfec=1");
        assertThat(m.rtpMap(101)).contains(new RtpMap(101, "telephone-event", 8000, 1));
        assertThat(m.fmtp("101")).contains("0-16");
        assertThat(m.ptime()).isEqualTo(OptionalInt.of(20));
        assertThat(m.ownDirection()).contains(Direction.SENDRECV);
        assertThat(m.rtcp()).isEmpty();
    }

    @Test
    void nonDefaultRtcpPortIsOffered() {
        SessionDescription sd = AudioOffers.offer(Sdps.ORIGIN, Sdps.parley(),
                new LocalMedia("2001:db8::10", 40000, OptionalInt.of(40010)), Direction.SENDRECV);

        assertThat(sd.media().get(0).rtcp()).contains(new Rtcp(40010, java.util.Optional.empty()));
        assertThat(sd.connection()).contains(new Connection("IN", "IP6", "2001:db8::10"));
    }

    @Test
    void sendUsesTheAnswersNumberingAndReceiveUsesParleys() throws SdpException {
        SessionDescription answer = answer("98 100", "a=rtpmap:98 opus/48000/2\na=rtpmap:100 telephone-event/8000\n");

        NegotiatedAudio audio = (NegotiatedAudio) AnswerReader.read(offer, answer, Sdps.parley());

        assertThat(audio.send().payloadType()).isEqualTo(98);
        assertThat(audio.receive()).containsExactly(Sdps.OPUS);
        assertThat(audio.sendTelephoneEvent()).isEqualTo(OptionalInt.of(100));
        assertThat(audio.receiveTelephoneEvent()).isEqualTo(OptionalInt.of(101));
        assertThat(audio.remoteAddress()).isEqualTo("198.51.100.7");
        assertThat(audio.remotePort()).isEqualTo(30000);
    }

    @Test
    void theAnswersFirstCodecIsSentEvenWhenParleyPrefersAnother() throws SdpException {
        NegotiatedAudio audio = (NegotiatedAudio) AnswerReader.read(offer, answer("8 0", ""), Sdps.parley());

        assertThat(audio.send()).isEqualTo(Sdps.PCMA);
        assertThat(audio.receive()).containsExactly(Sdps.PCMA, Sdps.PCMU);
        assertThat(audio.sendTelephoneEvent()).isEmpty();
        assertThat(audio.receiveTelephoneEvent()).isEmpty();
    }

    @Test
    void codecsParleyDidNotOfferAreIgnored() throws SdpException {
        assertThat(AnswerReader.read(offer, answer("3", ""), Sdps.parley()))
                .isInstanceOf(AudioRejection.NoCommonCodec.class);
    }

    @Test
    void rejectedStreamIsReported() throws SdpException {
        SessionDescription answer = SdpParser.parse(SdpWriter.write(answer("0", ""))
                .replace("m=audio 30000", "m=audio 0"));

        assertThat(AnswerReader.read(offer, answer, Sdps.parley())).isInstanceOf(AudioRejection.StreamDisabled.class);
    }

    @Test
    void answerWithAnotherNumberOfMlinesIsInvalid() throws SdpException {
        SessionDescription answer = SdpParser.parse(SdpWriter.write(answer("0", "")) + "m=video 0 RTP/AVP 31\r\n");

        AudioOutcome outcome = AnswerReader.read(offer, answer, Sdps.parley());

        assertThat(outcome).isInstanceOf(AudioRejection.InvalidAnswer.class);
        assertThat(((AudioRejection) outcome).sentence()).contains("2 m= lines").contains("had 1");
    }

    @Test
    void legacyHoldAnswerMeansSendNothing() throws SdpException {
        SessionDescription answer = SdpParser.parse(SdpWriter.write(answer("0", ""))
                .replace("c=IN IP4 198.51.100.7", "c=IN IP4 0.0.0.0"));

        NegotiatedAudio audio = (NegotiatedAudio) AnswerReader.read(offer, answer, Sdps.parley());

        assertThat(audio.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(audio.heldByRemote()).isTrue();
    }
}
