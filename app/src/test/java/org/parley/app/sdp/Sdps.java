package org.parley.app.sdp;

import java.util.List;
import java.util.OptionalInt;

/**
 * Session descriptions for tests: the RFC 3264 §10 examples (test vectors, verbatim) and descriptions written in the
 * shape that baresip, Linphone and Asterisk send (written for these tests, not captured). Text blocks use LF; {@link
 * #crlf} converts.
 */
final class Sdps {
    private Sdps() {
    }

    static String crlf(String lf) {
        return lf.replace("\n", "\r\n");
    }

    static SessionDescription parse(String text) {
        try {
            return SdpParser.parse(text);
        } catch (SdpException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static final Origin ORIGIN = new Origin("-", "42", 1, "IN", "IP4", "192.0.2.10");
    static final LocalMedia LOCAL = LocalMedia.of("192.0.2.10", 40000);
    static final RtpFormat OPUS = RtpFormat.of(111, "opus", 48000, 2).withFmtp("useinbandfec=1");
    static final RtpFormat PCMU = RtpFormat.of(0, "PCMU", 8000, 1);
    static final RtpFormat PCMA = RtpFormat.of(8, "PCMA", 8000, 1);
    static final Crypto OUR_80 = Crypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR")
            .orElseThrow();
    static final Crypto OUR_32 = Crypto.parse("2 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj")
            .orElseThrow();

    /** Parley's usual audio: opus, PCMU, PCMA, telephone-event on 101, 20 ms, no SRTP. */
    static AudioCapabilities parley() {
        return AudioCapabilities.plain(List.of(OPUS, PCMU, PCMA), OptionalInt.of(101), OptionalInt.of(20));
    }

    static AudioCapabilities parley(SrtpPolicy srtp) {
        return new AudioCapabilities(List.of(OPUS, PCMU, PCMA), OptionalInt.of(101), OptionalInt.of(20), srtp,
                srtp == SrtpPolicy.OFF ? List.of() : List.of(OUR_80, OUR_32));
    }

    /** RFC 3264 §10.1, Alice's offer: one audio and two video streams. */
    static final String RFC3264_10_1_OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.anywhere.com
            s=
            c=IN IP4 host.anywhere.com
            t=0 0
            m=audio 49170 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 51372 RTP/AVP 31
            a=rtpmap:31 H261/90000
            m=video 53000 RTP/AVP 32
            a=rtpmap:32 MPV/90000
            """;

    /** RFC 3264 §10.1, Bob's answer: audio accepted, first video rejected. */
    static final String RFC3264_10_1_ANSWER = """
            v=0
            o=bob 2890844730 2890844730 IN IP4 host.example.com
            s=
            c=IN IP4 host.example.com
            t=0 0
            m=audio 49920 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 0 RTP/AVP 31
            m=video 53000 RTP/AVP 32
            a=rtpmap:32 MPV/90000
            """;

    /** RFC 3264 §10.1, Bob's later offer: new audio port, a second, receive-only audio stream for events. */
    static final String RFC3264_10_1_REOFFER = """
            v=0
            o=bob 2890844730 2890844731 IN IP4 host.example.com
            s=
            c=IN IP4 host.example.com
            t=0 0
            m=audio 65422 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 0 RTP/AVP 31
            m=video 53000 RTP/AVP 32
            a=rtpmap:32 MPV/90000
            m=audio 51434 RTP/AVP 110
            a=rtpmap:110 telephone-events/8000
            a=recvonly
            """;

    /** RFC 3264 §10.2, Alice's first offer: three codecs, inactive until one is locked down. */
    static final String RFC3264_10_2_OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.anywhere.com
            s=
            c=IN IP4 host.anywhere.com
            t=0 0
            m=audio 62986 RTP/AVP 0 4 18
            a=rtpmap:0 PCMU/8000
            a=rtpmap:4 G723/8000
            a=rtpmap:18 G729/8000
            a=inactive
            """;

    /** RFC 3264 §10.2, Bob's answer to it. */
    static final String RFC3264_10_2_ANSWER = """
            v=0
            o=bob 2890844730 2890844731 IN IP4 host.example.com
            s=
            c=IN IP4 host.example.com
            t=0 0
            m=audio 54344 RTP/AVP 0 4
            a=rtpmap:0 PCMU/8000
            a=rtpmap:4 G723/8000
            a=inactive
            """;

    /** In the shape baresip sends: opus first, telephone-event 0-15, tool attribute, rtcp-mux. */
    static final String BARESIP_OFFER = """
            v=0
            o=- 1876348361 2117419497 IN IP4 192.168.1.20
            s=-
            c=IN IP4 192.168.1.20
            t=0 0
            a=tool:baresip 3.10.1
            m=audio 10164 RTP/AVP 111 0 8 101
            b=AS:96
            a=rtpmap:111 opus/48000/2
            a=fmtp:111 stereo=1;sprop-stereo=1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=rtcp-mux
            a=ptime:20
            a=sendrecv
            a=label:1
            """;

    /** baresip with mandatory SRTP ({@code srtp-mand}): RTP/SAVP and two crypto lines. */
    static final String BARESIP_SAVP_OFFER = """
            v=0
            o=- 1876348361 2117419497 IN IP4 192.168.1.20
            s=-
            c=IN IP4 192.168.1.20
            t=0 0
            m=audio 10164 RTP/SAVP 0 8 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:QdTLuJO9vTPJzvAMjDBnHVGFqxrmfwZiSe1OU+1E
            a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:Xy6XNQ7AGBqoADBBaBy3ixAa1bq1g8fgOdo1IeQK
            a=sendrecv
            """;

    /** In the shape Linphone sends: dynamic opus on 96, speex, telephone-event at three rates, a=rtcp. */
    static final String LINPHONE_OFFER = """
            v=0
            o=alice 2341 1456 IN IP4 10.0.0.5
            s=Talk
            c=IN IP4 10.0.0.5
            t=0 0
            a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
            a=record:off
            m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 useinbandfec=1
            a=rtpmap:97 speex/16000
            a=fmtp:97 vbr=on
            a=rtpmap:98 speex/8000
            a=fmtp:98 vbr=on
            a=fmtp:18 annexb=yes
            a=rtpmap:101 telephone-event/48000
            a=rtpmap:99 telephone-event/16000
            a=rtpmap:100 telephone-event/8000
            a=rtcp:7079
            a=rtcp-fb:* trr-int 1000
            a=rtcp-fb:* ccm tmmbr
            """;

    /** In the shape Asterisk (chan_pjsip) sends: G.711 first, static types, ptime and maxptime. */
    static final String ASTERISK_OFFER = """
            v=0
            o=- 1234567890 3 IN IP4 203.0.113.10
            s=Asterisk
            c=IN IP4 203.0.113.10
            t=0 0
            m=audio 14562 RTP/AVP 0 8 3 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:3 GSM/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """;

    /** An RFC 2543-style hold, as old phones and PBXs still send it: c=0.0.0.0, no direction attribute. */
    static final String LEGACY_HOLD_OFFER = """
            v=0
            o=- 1234567890 4 IN IP4 203.0.113.10
            s=Asterisk
            c=IN IP4 0.0.0.0
            t=0 0
            m=audio 14562 RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            """;

    /** An MSRP file offer in the shape of RFC 5547 §9: file-selector and friends as plain attributes. */
    static final String MSRP_FILE_OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=-
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=message 7654 TCP/MSRP *
            i=This is my latest picture
            a=sendonly
            a=accept-types:message/cpim
            a=accept-wrapped-types:*
            a=path:msrp://atlanta.example.com:7654/jshA7we;tcp
            a=file-selector:name:"My cool picture.jpg" type:image/jpeg size:32349 hash:sha-1:72:24:5F:E8:65:3D:DA:F3:71:36:2F:86:D4:71:91:3E:E4:A2:CE:2E
            a=file-transfer-id:vBnG916bdberum2fFEABR1FR3ExZMUrd
            a=file-disposition:attachment
            a=file-date:creation:"Mon, 15 May 2006 15:01:31 +0300"
            a=file-range:1-32349
            """;
}
