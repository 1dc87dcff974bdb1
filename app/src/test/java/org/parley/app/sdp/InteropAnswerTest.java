package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.app.sdp.Sdps.parse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Parley answering offers shaped like those of baresip, Linphone and Asterisk, and MSRP sections. */
class InteropAnswerTest {
    private static Answer answer(String offer) throws SdpException {
        Answer answer = SdpAnswerer.answer(SdpParser.parse(offer), Sdps.parley(), Sdps.LOCAL, Sdps.ORIGIN, false,
                OtherMediaAnswerer.REJECT_ALL);
        // Every answer Parley writes reads back to itself.
        assertThat(SdpParser.parse(SdpWriter.write(answer.description()))).isEqualTo(answer.description());
        return answer;
    }

    @Test
    void baresipOfferGetsOpusFirstWithTheOfferersFmtpForSendingAndOursForReceiving() throws SdpException {
        Answer answer = answer(Sdps.BARESIP_OFFER);

        NegotiatedAudio audio = (NegotiatedAudio) answer.audio();
        assertThat(audio.send()).isEqualTo(RtpFormat.of(111, "opus", 48000, 2).withFmtp("stereo=1;sprop-stereo=1"));
        assertThat(audio.receive()).containsExactly(Sdps.OPUS, Sdps.PCMU, Sdps.PCMA);
        assertThat(audio.sendTelephoneEvent()).isEqualTo(OptionalInt.of(101));
        assertThat(audio.ptime()).isEqualTo(OptionalInt.of(20));
        assertThat(audio.remoteAddress()).isEqualTo("192.168.1.20");
        MediaDescription m = answer.description().media().get(0);
        assertThat(m.formats()).containsExactly("111", "0", "8", "101");
        assertThat(m.fmtp("111")).contains("useinbandfec=1");
        assertThat(m.fmtp("101")).contains("0-16");
        assertThat(m.protocol()).isEqualTo("RTP/AVP");
    }

    @Test
    void linphoneOfferKeepsItsDynamicNumberingAndPicksTelephoneEventAtTheCodecRate() throws SdpException {
        Answer answer = answer(Sdps.LINPHONE_OFFER);

        NegotiatedAudio audio = (NegotiatedAudio) answer.audio();
        assertThat(audio.send().payloadType()).isEqualTo(96);
        assertThat(audio.send().encoding()).isEqualTo("opus");
        assertThat(audio.receive()).extracting(RtpFormat::payloadType).containsExactly(96, 0, 8);
        assertThat(audio.sendTelephoneEvent()).isEqualTo(OptionalInt.of(101));
        assertThat(audio.rtcpPort()).isEqualTo(7079);
        assertThat(answer.description().media().get(0).formats()).containsExactly("96", "0", "8", "101");
        assertThat(answer.description().media().get(0).rtpMap(96)).contains(new RtpMap(96, "opus", 48000, 2));
        assertThat(answer.description().media().get(0).rtpMap(101))
                .contains(new RtpMap(101, "telephone-event", 48000, 1));
    }

    @Test
    void asteriskOfferGetsPcmuInItsOrderAndGsmIsLeftOut() throws SdpException {
        Answer answer = answer(Sdps.ASTERISK_OFFER);

        NegotiatedAudio audio = (NegotiatedAudio) answer.audio();
        assertThat(audio.send()).isEqualTo(Sdps.PCMU);
        assertThat(answer.description().media().get(0).formats()).containsExactly("0", "8", "101");
        assertThat(audio.remoteAddress()).isEqualTo("203.0.113.10");
        assertThat(audio.rtcpAddress()).isEqualTo("203.0.113.10");
        assertThat(audio.rtcpPort()).isEqualTo(14563);
    }

    @Test
    void offerWithoutACommonCodecIsRejectedWithPortZero() throws SdpException {
        String g729Only = Sdps.ASTERISK_OFFER.replace("m=audio 14562 RTP/AVP 0 8 3 101", "m=audio 14562 RTP/AVP 18 3");

        Answer answer = answer(g729Only);

        assertThat(answer.audio()).isInstanceOf(AudioRejection.NoCommonCodec.class);
        assertThat(answer.description().media().get(0).port()).isZero();
        assertThat(answer.description().media().get(0).formats()).containsExactly("18", "3");
    }

    @Test
    void codecsMatchByNameIgnoringCaseClockRateAndChannels() throws SdpException {
        String offer = Sdps.ASTERISK_OFFER.replace("m=audio 14562 RTP/AVP 0 8 3 101", "m=audio 14562 RTP/AVP 97 98 99")
                .replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:97 OPUS/48000/1\na=rtpmap:98 pcmu/16000\na=rtpmap:99 pcma/8000")
                .replace("a=rtpmap:8 PCMA/8000\n", "").replace("a=rtpmap:3 GSM/8000\n", "");

        NegotiatedAudio audio = (NegotiatedAudio) answer(offer).audio();

        assertThat(audio.send()).isEqualTo(RtpFormat.of(99, "pcma", 8000, 1));
        assertThat(audio.receive()).hasSize(1);
        assertThat(audio.sendTelephoneEvent()).isEmpty();
    }

    @Test
    void videoOnlyOfferIsRejectedAndReportsNoAudio() throws SdpException {
        Answer answer = answer("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                m=video 5000 RTP/AVP 96
                a=rtpmap:96 H264/90000
                """);

        assertThat(answer.audio()).isInstanceOf(AudioRejection.NoAudio.class);
        assertThat(answer.description().media()).singleElement().extracting(MediaDescription::port).isEqualTo(0);
    }

    @Test
    void unhandledMsrpSectionIsRejectedWithPortZeroAndKeepsItsPlace() throws SdpException {
        String offer = Sdps.ASTERISK_OFFER + Sdps.MSRP_FILE_OFFER.substring(Sdps.MSRP_FILE_OFFER.indexOf("m=message"));

        Answer answer = answer(offer);

        assertThat(answer.description().media()).extracting(MediaDescription::media, MediaDescription::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("audio", 40000),
                        org.assertj.core.groups.Tuple.tuple("message", 0));
        assertThat(answer.description().media().get(1).protocol()).isEqualTo("TCP/MSRP");
        assertThat(answer.description().media().get(1).formats()).containsExactly("*");
    }

    @Test
    void msrpSectionIsAnsweredByTheCallersAnswerer() throws SdpException {
        MediaDescription ours = MediaDescription.of("message", 2855, "TCP/MSRP", List.of("*"), List.of(
                Attribute.flag("recvonly"), Attribute.of("accept-types", "message/cpim"),
                Attribute.of("path", "msrp://192.0.2.10:2855/abc;tcp")));
        OtherMediaAnswerer msrp = (offer, section) -> section.media().equals("message") ? Optional.of(ours)
                : Optional.empty();

        Answer answer = SdpAnswerer.answer(SdpParser.parse(Sdps.MSRP_FILE_OFFER), Sdps.parley(), Sdps.LOCAL,
                Sdps.ORIGIN, false, msrp);

        assertThat(answer.description().media()).containsExactly(ours);
        assertThat(answer.audio()).isInstanceOf(AudioRejection.NoAudio.class);
    }

    @Test
    void disabledAudioStreamStaysDisabled() throws SdpException {
        Answer answer = answer(Sdps.ASTERISK_OFFER.replace("m=audio 14562", "m=audio 0"));

        assertThat(answer.audio()).isInstanceOf(AudioRejection.StreamDisabled.class);
        assertThat(answer.description().media().get(0).port()).isZero();
    }

    @Test
    void unsupportedTransportIsRejected() throws SdpException {
        Answer answer = answer(Sdps.ASTERISK_OFFER.replace("RTP/AVP", "RTP/AVPF"));

        assertThat(answer.audio()).isEqualTo(new AudioRejection.UnsupportedTransport("RTP/AVPF"));
        assertThat(((AudioRejection) answer.audio()).sentence()).contains("RTP/AVPF");
        assertThat(answer.description().media().get(0).port()).isZero();
    }

    @Test
    void secondAudioStreamIsAcceptedWhenTheFirstIsUnusable() throws SdpException {
        String first = Sdps.ASTERISK_OFFER.replace("m=audio 14562 RTP/AVP 0 8 3 101", "m=audio 14562 RTP/AVP 3");
        String offer = first + "m=audio 14570 RTP/AVP 8\n";

        Answer answer = answer(offer);

        assertThat(answer.description().media()).extracting(MediaDescription::port).containsExactly(0, 40000);
        assertThat(((NegotiatedAudio) answer.audio()).remotePort()).isEqualTo(14570);
    }
}
