package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed description is refused with an SdpException whose sentence names the line and the problem. */
class MalformedSdpTest {
    private static final String HEAD = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", 0, "is empty"),
                Arguments.of("only blank lines", "\r\n\r\n", 0, "is empty"),
                Arguments.of("does not start with v=", "o=- 1 1 IN IP4 192.0.2.1\nv=0\ns=-\nt=0 0\n", 1,
                        "should be the v= line"),
                Arguments.of("version 1", "v=1\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\n", 1, "only 0 is defined"),
                Arguments.of("s= before o=", "v=0\ns=-\no=- 1 1 IN IP4 192.0.2.1\nt=0 0\n", 2, "should be the o= line"),
                Arguments.of("no s=", "v=0\no=- 1 1 IN IP4 192.0.2.1\nt=0 0\n", 3, "should be the s= line"),
                Arguments.of("no t=", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\n", 0, "no t= line"),
                Arguments.of("m= before t=", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nm=audio 4000 RTP/AVP 0\n", 4,
                        "before any t= line"),
                Arguments.of("a= before t=", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\na=sendrecv\nt=0 0\n", 4,
                        "before any t= line"),
                Arguments.of("c= after t=", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nc=IN IP4 192.0.2.1\n", 5,
                        "out of order"),
                Arguments.of("two s= lines", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\ns=again\nt=0 0\n", 4, "out of order"),
                Arguments.of("r= without t=", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nr=7d 1h 0\nt=0 0\n", 4,
                        "without a t= line"),
                Arguments.of("space before =", HEAD + "a =sendrecv\n", 6, "not of the form <type>=<value>"),
                Arguments.of("upper-case type", HEAD + "A=sendrecv\n", 6, "not of the form <type>=<value>"),
                Arguments.of("unknown type", HEAD + "x=1\n", 6, "unknown type 'x'"),
                Arguments.of("session line in media", HEAD + "m=audio 4000 RTP/AVP 0\nt=0 0\n", 7,
                        "not allowed in a media section"),
                Arguments.of("c= after a= in media", HEAD + "m=audio 4000 RTP/AVP 0\na=sendrecv\nc=IN IP4 192.0.2.1\n",
                        8, "out of order"),
                Arguments.of("NUL in a line", HEAD + "a=tool:x\u0000y\n", 6, "control character"),
                Arguments.of("bare CR inside a line", HEAD + "a=tool:x\ry\n", 6, "control character"),
                Arguments.of("o= with five fields", "v=0\no=- 1 1 IN IP4\ns=-\nt=0 0\n", 2, "six fields"),
                Arguments.of("o= with letters in session id", "v=0\no=- 12a 1 IN IP4 192.0.2.1\ns=-\nt=0 0\n", 2,
                        "session id"),
                Arguments.of("o= version too large", "v=0\no=- 1 99999999999999999999 IN IP4 192.0.2.1\ns=-\nt=0 0\n",
                        2, "session version"),
                Arguments.of("double space in o=", "v=0\no=-  1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\n", 2, "six fields"),
                Arguments.of("IPv4 octet 256", "v=0\no=- 1 1 IN IP4 192.0.2.256\ns=-\nt=0 0\n", 2,
                        "invalid IP4 address '192.0.2.256'"),
                Arguments.of("IPv6 with two ::", HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP6 2001::db8::1"), 4,
                        "invalid IP6 address"),
                Arguments.of("IPv6 group too long", HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP6 2001:db8:12345::1"), 4,
                        "invalid IP6 address"),
                Arguments.of("host name with underscore", HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 pbx_1.example"),
                        4, "invalid IP4 address"),
                Arguments.of("c= with two fields", HEAD.replace("c=IN IP4 192.0.2.1", "c=IN 192.0.2.1"), 4,
                        "three fields"),
                Arguments.of("t= not numbers", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=now 0\n", 4, "not a number"),
                Arguments.of("b= without colon", HEAD.replace("t=0 0\n", "b=AS64\nt=0 0\n"), 5, "b=<type>:<bandwidth>"),
                Arguments.of("b= with negative value", HEAD.replace("t=0 0\n", "b=AS:-1\nt=0 0\n"), 5, "not a number"),
                Arguments.of("m= port 65536", HEAD + "m=audio 65536 RTP/AVP 0\n", 6, "0 to 65535"),
                Arguments.of("m= port not a number", HEAD + "m=audio 4x RTP/AVP 0\n", 6, "0 to 65535"),
                Arguments.of("m= port count 0", HEAD + "m=audio 4000/0 RTP/AVP 0\n", 6, "number of ports"),
                Arguments.of("m= without formats", HEAD + "m=audio 4000 RTP/AVP\n", 6, "at least one format"),
                Arguments.of("RTP payload type 128", HEAD + "m=audio 4000 RTP/AVP 0 128\n", 6,
                        "payload type '128'"),
                Arguments.of("RTP payload type name", HEAD + "m=audio 4000 RTP/AVP PCMU\n", 6, "payload type 'PCMU'"),
                Arguments.of("empty protocol part", HEAD + "m=audio 4000 RTP//AVP 0\n", 6, "invalid protocol"),
                Arguments.of("rtpmap without clock rate", HEAD + "m=audio 4000 RTP/AVP 96\na=rtpmap:96 opus\n", 7,
                        "malformed a=rtpmap"),
                Arguments.of("rtpmap clock rate zero", HEAD + "m=audio 4000 RTP/AVP 96\na=rtpmap:96 opus/0/2\n", 7,
                        "malformed a=rtpmap"),
                Arguments.of("rtpmap payload type 200", HEAD + "m=audio 4000 RTP/AVP 96\na=rtpmap:200 opus/48000\n", 7,
                        "malformed a=rtpmap"),
                Arguments.of("rtpmap huge clock rate",
                        HEAD + "m=audio 4000 RTP/AVP 96\na=rtpmap:96 opus/99999999999999999999\n", 7,
                        "malformed a=rtpmap"),
                Arguments.of("fmtp without parameters", HEAD + "m=audio 4000 RTP/AVP 96\na=fmtp:96\n", 7,
                        "malformed a=fmtp"),
                Arguments.of("ptime zero", HEAD + "m=audio 4000 RTP/AVP 0\na=ptime:0\n", 7, "malformed a=ptime"),
                Arguments.of("ptime not a number", HEAD + "m=audio 4000 RTP/AVP 0\na=ptime:twenty\n", 7,
                        "malformed a=ptime"),
                Arguments.of("rtcp port 70000", HEAD + "m=audio 4000 RTP/AVP 0\na=rtcp:70000\n", 7,
                        "malformed a=rtcp"),
                Arguments.of("rtcp with half an address", HEAD + "m=audio 4000 RTP/AVP 0\na=rtcp:4001 IN IP4\n", 7,
                        "malformed a=rtcp"),
                Arguments.of("crypto without key", HEAD + "m=audio 4000 RTP/SAVP 0\na=crypto:1 AES_CM_128_HMAC_SHA1_80\n",
                        7, "malformed a=crypto"),
                Arguments.of("crypto tag not a number",
                        HEAD + "m=audio 4000 RTP/SAVP 0\na=crypto:one AES_CM_128_HMAC_SHA1_80 inline:abc\n", 7,
                        "malformed a=crypto"),
                Arguments.of("direction with a value", HEAD + "m=audio 4000 RTP/AVP 0\na=sendonly:yes\n", 7,
                        "value on the property a=sendonly"),
                Arguments.of("attribute name with space", HEAD + "a=my attr:1\n", 6, "invalid attribute name"),
                Arguments.of("no connection anywhere", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n",
                        0, "no c= line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedWithASentenceNamingTheLine(String name, String text, int line, String problem) {
        SdpException e = catchThrowableOfType(SdpException.class, () -> SdpParser.parse(text));

        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).contains(problem).endsWith(".");
        assertThat(e.lineNumber()).isEqualTo(line);
        if (line > 0) {
            assertThat(e.getMessage()).startsWith("Line " + line + " (");
        }
    }

    @org.junit.jupiter.api.Test
    void bodiesOver64KibAreRefusedBeforeParsing() {
        byte[] body = new byte[SdpParser.MAX_BYTES + 1];
        SdpException e = catchThrowableOfType(SdpException.class, () -> SdpParser.parse(body));
        assertThat(e.getMessage()).isEqualTo("The session description has 65537 bytes; the limit is 65536.");
    }

    @org.junit.jupiter.api.Test
    void moreThan64MediaSectionsAreRefused() {
        StringBuilder text = new StringBuilder(HEAD);
        for (int i = 0; i < 65; i++) {
            text.append("m=audio 0 RTP/AVP 0\n");
        }
        SdpException e = catchThrowableOfType(SdpException.class, () -> SdpParser.parse(text.toString()));
        assertThat(e.getMessage()).contains("Line 70").contains("the limit is 64");
    }

    @org.junit.jupiter.api.Test
    void longLinesAreShortenedInTheMessage() {
        String text = HEAD + "x=" + "a".repeat(5000) + "\n";
        SdpException e = catchThrowableOfType(SdpException.class, () -> SdpParser.parse(text));
        assertThat(e.getMessage()).hasSizeLessThan(120);
    }
}
