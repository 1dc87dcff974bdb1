package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.app.sdp.Sdps.crlf;
import static org.parley.app.sdp.Sdps.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SdpParserTest {
    @Test
    void readsTheRfc3264BasicOfferFieldByField() {
        SessionDescription sd = parse(Sdps.RFC3264_10_1_OFFER);

        assertThat(sd.origin()).isEqualTo(new Origin("alice", "2890844526", 2890844526L, "IN", "IP4",
                "host.anywhere.com"));
        assertThat(sd.sessionName()).isEmpty();
        assertThat(sd.connection()).contains(new Connection("IN", "IP4", "host.anywhere.com"));
        assertThat(sd.timing()).isEqualTo(Timing.UNBOUNDED);
        assertThat(sd.media()).extracting(MediaDescription::media).containsExactly("audio", "video", "video");
        MediaDescription audio = sd.media().get(0);
        assertThat(audio.port()).isEqualTo(49170);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("0");
        assertThat(audio.rtpMap(0)).contains(new RtpMap(0, "PCMU", 8000, 1));
    }

    @Test
    void crlfAndBareLfGiveTheSameDescription() {
        assertThat(parse(crlf(Sdps.BARESIP_OFFER))).isEqualTo(parse(Sdps.BARESIP_OFFER));
    }

    @Test
    void aMissingFinalLineBreakAndTrailingEmptyLinesAreTolerated() {
        String trimmed = Sdps.ASTERISK_OFFER.stripTrailing();
        assertThat(parse(trimmed)).isEqualTo(parse(Sdps.ASTERISK_OFFER));
        assertThat(parse(Sdps.ASTERISK_OFFER + "\r\n\r\n")).isEqualTo(parse(Sdps.ASTERISK_OFFER));
    }

    @Test
    void readsUtf8BytesAsReceivedInASipBody() throws SdpException {
        String text = Sdps.ASTERISK_OFFER.replace("s=Asterisk", "s=Gespräch");
        assertThat(SdpParser.parse(text.getBytes(StandardCharsets.UTF_8)).sessionName()).isEqualTo("Gespräch");
    }

    @Test
    void rtpFormatsResolveRtpmapsStaticTypesAndFmtpInMlineOrder() {
        MediaDescription audio = parse(Sdps.LINPHONE_OFFER).media().get(0);

        assertThat(audio.rtpFormats()).containsExactly(
                RtpFormat.of(96, "opus", 48000, 2).withFmtp("useinbandfec=1"),
                RtpFormat.of(97, "speex", 16000, 1).withFmtp("vbr=on"),
                RtpFormat.of(98, "speex", 8000, 1).withFmtp("vbr=on"),
                RtpFormat.of(0, "PCMU", 8000, 1),
                RtpFormat.of(8, "PCMA", 8000, 1),
                RtpFormat.of(18, "G729", 8000, 1).withFmtp("annexb=yes"),
                RtpFormat.of(101, "telephone-event", 48000, 1),
                RtpFormat.of(99, "telephone-event", 16000, 1),
                RtpFormat.of(100, "telephone-event", 8000, 1));
    }

    @Test
    void helpersReadPtimeRtcpAndFmtp() {
        MediaDescription baresip = parse(Sdps.BARESIP_OFFER).media().get(0);
        MediaDescription linphone = parse(Sdps.LINPHONE_OFFER).media().get(0);

        assertThat(baresip.ptime()).isEqualTo(OptionalInt.of(20));
        assertThat(baresip.fmtp("101")).contains("0-15");
        assertThat(baresip.bandwidths()).containsExactly(new Bandwidth("AS", 96));
        assertThat(linphone.rtcp()).contains(new Rtcp(7079, Optional.empty()));
        assertThat(linphone.ptime()).isEmpty();
    }

    @Test
    void rtcpAttributeMayCarryAnAddress() {
        String text = Sdps.ASTERISK_OFFER.replace("a=ptime:20", "a=rtcp:53020 IN IP6 2001:db8::1");
        assertThat(parse(text).media().get(0).rtcp())
                .contains(new Rtcp(53020, Optional.of(new Connection("IN", "IP6", "2001:db8::1"))));
    }

    @Test
    void cryptoLinesAreReadAsTagSuiteAndParameters() {
        MediaDescription audio = parse(Sdps.BARESIP_SAVP_OFFER).media().get(0);
        assertThat(audio.cryptos()).extracting(Crypto::tag, Crypto::suite)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "AES_CM_128_HMAC_SHA1_32"),
                        org.assertj.core.groups.Tuple.tuple(2, "AES_CM_128_HMAC_SHA1_80"));
        assertThat(audio.cryptos().get(1).params()).isEqualTo("inline:Xy6XNQ7AGBqoADBBaBy3ixAa1bq1g8fgOdo1IeQK");
    }

    @Test
    void mediaLevelDirectionOverridesSessionLevelAndSendrecvIsTheDefault() {
        SessionDescription sd = parse("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                a=sendonly
                m=audio 4000 RTP/AVP 0
                a=recvonly
                m=audio 4002 RTP/AVP 0
                """);
        SessionDescription plain = parse(Sdps.RFC3264_10_1_OFFER);

        assertThat(sd.direction(sd.media().get(0))).isEqualTo(Direction.RECVONLY);
        assertThat(sd.direction(sd.media().get(1))).isEqualTo(Direction.SENDONLY);
        assertThat(plain.direction(plain.media().get(0))).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void msrpSectionsAreKeptWithTheirAttributesInOrder() {
        MediaDescription message = parse(Sdps.MSRP_FILE_OFFER).media().get(0);

        assertThat(message.media()).isEqualTo("message");
        assertThat(message.protocol()).isEqualTo("TCP/MSRP");
        assertThat(message.formats()).containsExactly("*");
        assertThat(message.isRtp()).isFalse();
        assertThat(message.attributes()).extracting(Attribute::name).containsExactly("sendonly", "accept-types",
                "accept-wrapped-types", "path", "file-selector", "file-transfer-id", "file-disposition", "file-date",
                "file-range");
        assertThat(message.attribute("path")).contains("msrp://atlanta.example.com:7654/jshA7we;tcp");
        assertThat(message.attribute("file-selector")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("name:\"My cool picture.jpg\" type:image/jpeg size:32349 hash:sha-1:72:24"));
    }

    @Test
    void unknownAttributesAreKeptAndUnusedLineTypesDropped() {
        SessionDescription sd = parse("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=A call
                i=about nothing
                u=http://example.com/
                e=alice@example.com
                p=+1 555 0100
                c=IN IP4 192.0.2.1
                b=CT:128
                t=0 0
                r=604800 3600 0 90000
                z=2882844526 -1h
                k=prompt
                a=x-unknown:some value
                m=audio 4000 RTP/AVP 0
                i=voice
                k=prompt
                a=x-flag
                """);

        assertThat(sd.attributes()).containsExactly(Attribute.of("x-unknown", "some value"));
        assertThat(sd.bandwidths()).containsExactly(new Bandwidth("CT", 128));
        assertThat(sd.media().get(0).attributes()).containsExactly(Attribute.flag("x-flag"));
    }

    @Test
    void connectionAddressesMayBeIpv4Ipv6OrHostNames() {
        for (String c : List.of("IN IP4 192.0.2.1", "IN IP4 224.2.1.1/127/3", "IN IP6 2001:db8::1",
                "IN IP6 ::ffff:192.0.2.1", "IN IP6 ::", "IN IP6 fe80:0:0:0:204:61ff:fe9d:f156", "IN IP4 pbx.example.com",
                "IN IP6 media.example.org")) {
            SessionDescription sd = parse(Sdps.ASTERISK_OFFER.replace("IN IP4 203.0.113.10\nt=", c + "\nt="));
            assertThat(sd.connection().orElseThrow().netType() + " " + sd.connection().orElseThrow().addrType() + " "
                    + sd.connection().orElseThrow().address()).isEqualTo(c);
        }
    }

    @Test
    void mediaLevelConnectionAppliesToItsSectionOnly() {
        SessionDescription sd = parse("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                t=0 0
                m=audio 4000 RTP/AVP 0
                c=IN IP6 2001:db8::5
                m=video 0 RTP/AVP 31
                """);

        assertThat(sd.connectionOf(sd.media().get(0))).contains(new Connection("IN", "IP6", "2001:db8::5"));
        assertThat(sd.connectionOf(sd.media().get(1))).isEmpty();
    }

    @Test
    void portCountsAreRead() {
        SessionDescription sd = parse(Sdps.ASTERISK_OFFER.replace("m=audio 14562 ", "m=audio 14562/2 "));
        assertThat(sd.media().get(0).portCount()).isEqualTo(OptionalInt.of(2));
    }
}
