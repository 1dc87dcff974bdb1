package org.parley.app.sip.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link RawMessageScreen} on every RFC 4475 message, as a datagram and as a stream header section. */
class RawMessageScreenTest {

    /**
     * Expected raw verdicts. "stream" is the header section alone (as jain-sip's TCP parser hands it over),
     * so body framing errors of clerr/baddn are invisible there, and Content-Length errors close.
     */
    private static final Table EXPECTED = new Table("""
            # file          | datagram   | stream     | why
            wsinv.dat       | accept     | accept     | tortuous but valid
            intmeth.dat     | accept     | accept     | unknown method is semantic (501 later)
            esc01.dat       | accept     | accept     |
            escnull.dat     | accept     | accept     |
            esc02.dat       | accept     | accept     | unknown method is semantic (501 later)
            lwsdisp.dat     | accept     | accept     |
            longreq.dat     | accept     | accept     |
            dblreq.dat      | accept     | accept     | octets after Content-Length 0 are ignored on UDP
            semiuri.dat     | accept     | accept     |
            transports.dat  | accept     | accept     |
            mpart01.dat     | accept     | accept     |
            unreason.dat    | accept     | accept     |
            noreason.dat    | accept     | accept     |
            badinv01.dat    | reject 400 | reject 400 | ;; in Via
            clerr.dat       | reject 400 | accept     | body shorter than Content-Length (stream: jain-sip waits)
            ncl.dat         | reject 400 | close      | negative Content-Length
            scalar02.dat    | reject 400 | reject 400 | CSeq > 2^32-1
            scalarlg.dat    | drop       | drop       | response, CSeq > 2^32-1, no body
            quotbal.dat     | reject 400 | reject 400 | unterminated quote in To
            ltgtruri.dat    | reject 400 | reject 400 | <> around Request-URI
            lwsruri.dat     | reject 400 | reject 400 | LWS in Request-URI
            lwsstart.dat    | reject 400 | reject 400 | two SP in request line
            trws.dat        | reject 400 | reject 400 | trailing SP
            escruri.dat     | reject 400 | reject 400 | ?headers in Request-URI
            baddate.dat     | accept     | accept     | liberal: Date unused, RFC 4475 3.1.2.12 discourages rejecting
            regbadct.dat    | reject 400 | reject 400 | URI with ? not in <>
            badaspec.dat    | reject 400 | reject 400 | space inside <>
            baddn.dat       | reject 400 | reject 400 | non-token display name (archive copy also unterminated)
            badvers.dat     | reject 505 | reject 505 | SIP/7.0
            mismatch01.dat  | reject 400 | reject 400 | CSeq method differs
            mismatch02.dat  | reject 501 | reject 501 | CSeq method differs, method unknown
            bigcode.dat     | drop       | drop       | status code 4294967301
            badbranch.dat   | accept     | accept     | syntactically valid
            insuf.dat       | reject 400 | reject 400 | no To, From, Call-ID
            unkscm.dat      | accept     | accept     | 416 is semantic
            novelsc.dat     | accept     | accept     | 416 is semantic
            unksm2.dat      | accept     | accept     |
            bext01.dat      | accept     | accept     | 420 is semantic
            invut.dat       | accept     | accept     | 415 is semantic
            regaut01.dat    | accept     | accept     |
            multi01.dat     | reject 400 | reject 400 | two To, From, Call-ID, CSeq, Max-Forwards
            mcl01.dat       | reject 400 | close      | two Content-Length
            bcast.dat       | accept     | accept     | valid response (a UA drops it: no transaction)
            zeromf.dat      | accept     | accept     |
            cparam01.dat    | accept     | accept     |
            cparam02.dat    | accept     | accept     |
            regescrt.dat    | accept     | accept     |
            sdp01.dat       | accept     | accept     | 406 is semantic
            inv2543.dat     | accept     | accept     | RFC 2543 syntax accepted
            test.dat        | reject 400 | reject 400 | no SIP-Version, line without colon (and no Via)
            """);

    /** must-reject messages this screen deliberately accepts (RFC 4475 allows liberal handling). */
    private static final Set<String> LIBERAL = Set.of("baddate.dat");

    static List<TortureCorpus.Entry> corpus() {
        return TortureCorpus.entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void datagram(TortureCorpus.Entry e) {
        assertThat(Table.describe(RawMessageScreen.screen(e.bytes(), Framing.DATAGRAM)))
                .as(e.file() + ": " + e.handling()).isEqualTo(EXPECTED.get(e.file(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void streamHeaderSection(TortureCorpus.Entry e) {
        byte[] head = TortureCorpus.headerSection(e.bytes());
        assertThat(Table.describe(RawMessageScreen.screen(head, Framing.STREAM)))
                .as(e.file() + ": " + e.handling()).isEqualTo(EXPECTED.get(e.file(), 1));
    }

    @Test
    void tableAgreesWithIndexVerdicts() {
        assertThat(EXPECTED.keys()).containsExactlyInAnyOrderElementsOf(
                corpus().stream().map(TortureCorpus.Entry::file).collect(Collectors.toList()));
        for (TortureCorpus.Entry e : corpus()) {
            String expected = EXPECTED.get(e.file(), 0);
            if (e.verdict().equals("valid")) {
                assertThat(expected).as(e.file()).isEqualTo("accept");
            }
            if (e.verdict().startsWith("must-reject") && !LIBERAL.contains(e.file())) {
                assertThat(expected).as(e.file()).isNotEqualTo("accept");
            }
        }
    }

    @Test
    void baddnVariantWithFinalCrlfIsRejectedForItsDisplayName() {
        byte[] b = TortureCorpus.read("variants/baddn.crlf-terminated.dat");
        assertThat(RawMessageScreen.screen(b, Framing.DATAGRAM))
                .isEqualTo(new Verdict.Reject(400, "Not a URI or unquoted non-token display name in From"));
        assertThat(RawMessageScreen.screen(b, Framing.STREAM)).isInstanceOf(Verdict.Reject.class);
    }

    @Test
    void rejectReasonsNameTheFault() {
        assertThat(RawMessageScreen.screen(TortureCorpus.entries().stream()
                .filter(e -> e.file().equals("insuf.dat")).findFirst().orElseThrow().bytes(), Framing.DATAGRAM))
                .isEqualTo(new Verdict.Reject(400, "Missing To, From, Call-ID"));
    }

    // --- targeted cases -------------------------------------------------------------------------------

    private static final String HEAD = "Via: SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK77;rport\r\n"
            + "To: <sip:bob@example.com>\r\nFrom: \"Al\" <sip:al@example.com>;tag=1\r\nCall-ID: c1@h\r\n";

    private static Verdict request(String startLine, String extraHeaders) {
        String cseqMethod = startLine.substring(0, Math.max(0, startLine.indexOf(' ')));
        String m = startLine + "\r\n" + HEAD + "CSeq: 1 " + cseqMethod + "\r\n" + extraHeaders
                + "Content-Length: 0\r\n\r\n";
        return RawMessageScreen.screen(m.getBytes(StandardCharsets.UTF_8), Framing.DATAGRAM);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MESSAGE sip:bob@example.com SIP/2.0  |                                               | accept
            OPTIONS tel:+15551234 SIP/2.0        |                                               | accept
            MESSAGE sips:bob@[2001:db8::1]:5061;transport=tls SIP/2.0 |                        | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Max-Forwards: 255\\r\\n                        | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Max-Forwards: 256\\r\\n                        | reject 400
            MESSAGE sip:bob@example.com SIP/2.0  | Contact: *\\r\\n                               | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Contact: <sip:a@b>;q=0.5, \"X\" <sip:c@d>\\r\\n | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Contact: <sip:a@b>,,<sip:c@d>\\r\\n            | reject 400
            MESSAGE sip:bob@example.com SIP/2.0  | Route: sip:proxy.example.com;lr\\r\\n          | reject 400
            MESSAGE sip:bob@example.com SIP/2.0  | Record-Route: <sip:p1;lr>, <sip:p2;lr>\\r\\n   | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Content-Type: text/plain ; charset=\"utf-8\"\\r\\n | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Content-Type: text\\r\\n                       | reject 400
            MESSAGE sip:bob@example.com SIP/2.0  | Require: \\r\\n                                | reject 400
            MESSAGE sip:bob@example.com SIP/2.0  | Supported: \\r\\n                              | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Via: SIP/2.0/TCP h:99999\\r\\n                 | reject 400
            MESSAGE sip:bob@example.com SIP/2.0  | Via: SIP/2.0/TCP\\r\\n                         | reject 400
            MESSAGE sip:bob@example.com SIP/2.0  | Reply-To: Bob <sip:b@h>\\r\\n                  | accept
            MESSAGE sip:bob@example.com SIP/2.0  | X-Anything: \"unbalanced ;; <>\\r\\n           | accept
            MESSAGE sip:bob@example.com SIP/2.0  | ' folded: line\\r\\n'                          | reject 400
            message sip:bob@example.com SIP/2.0  |                                               | accept
            MESSAGE sip:bob@example.com sip/2.0  |                                               | accept
            MESSAGE sip:bob@example.com SIP/2.1  |                                               | reject 505
            MESSAGE sip:bob@example.com SIP/2.0x |                                               | reject 400
            MESSAGE sip:bob@example.com\tSIP/2.0 |                                               | reject 400
            MESSAGE bob@example.com SIP/2.0      |                                               | reject 400
            ACK sip:bob@example.com SIP/7.0      |                                               | drop
            MESSAGE sip:2001:db8::10 SIP/2.0     |                                               | reject 400
            MESSAGE sip:bob@example.com:5060x SIP/2.0 |                                          | reject 400
            MESSAGE sip:bob@h.example.com:5061;transport=tcp SIP/2.0 |                           | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Via: SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3\\r\\n | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Reply-To: Jörg Müller <sip:j@h>\\r\\n        | accept
            MESSAGE sip:bob@example.com SIP/2.0  | Reply-To: Müller, Jörg <sip:j@h>\\r\\n       | reject 400
            """)
    void targeted(String startLine, String extra, String expected) {
        String headers = extra == null ? "" : extra.replace("\\r\\n", "\r\n");
        assertThat(Table.describe(request(startLine, headers))).isEqualTo(expected);
    }

    @Test
    void cseqAndMaxForwardsRangesAreInclusive() {
        assertThat(Table.describe(cseq("4294967295"))).isEqualTo("accept");
        assertThat(Table.describe(cseq("0004294967295"))).isEqualTo("accept");
        assertThat(Table.describe(cseq("4294967296"))).isEqualTo("reject 400");
        assertThat(Table.describe(cseq("-1"))).isEqualTo("reject 400");
    }

    private static Verdict cseq(String number) {
        String m = "OPTIONS sip:a@b SIP/2.0\r\n" + HEAD + "CSeq: " + number + " OPTIONS\r\n\r\n";
        return RawMessageScreen.screen(m.getBytes(StandardCharsets.US_ASCII), Framing.DATAGRAM);
    }

    @Test
    void responsesAreDroppedNeverRejected() {
        String ok = "SIP/2.0 200\r\n" + HEAD + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        assertThat(RawMessageScreen.screen(ok.getBytes(StandardCharsets.US_ASCII), Framing.DATAGRAM))
                .isEqualTo(Verdict.ACCEPT);
        for (String status : new String[] {"SIP/2.0 099 Low", "SIP/2.0 700 High", "SIP/2.0 20 Short",
                                           "SIP/3.0 200 OK", "SIP/2.0 2000 Long"}) {
            String m = status + "\r\n" + HEAD + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            assertThat(RawMessageScreen.screen(m.getBytes(StandardCharsets.US_ASCII), Framing.DATAGRAM))
                    .as(status).isInstanceOf(Verdict.Drop.class);
        }
    }

    @Test
    void onAStreamABadResponseWithABodyClosesTheConnection() {
        String m = "SIP/2.0 999 Odd\r\n" + HEAD + "CSeq: 1 OPTIONS\r\nContent-Length: 10\r\n\r\n";
        assertThat(RawMessageScreen.screen(m.getBytes(StandardCharsets.US_ASCII), Framing.STREAM))
                .isInstanceOf(Verdict.Close.class);
    }

    @Test
    void framingLimitsOnStreams() {
        String big = "MESSAGE sip:a@b SIP/2.0\r\n" + HEAD + "CSeq: 1 MESSAGE\r\nContent-Length: "
                + (RawMessageScreen.MAX_CONTENT_LENGTH + 1) + "\r\n\r\n";
        assertThat(RawMessageScreen.screen(big.getBytes(StandardCharsets.US_ASCII), Framing.STREAM))
                .isInstanceOf(Verdict.Close.class);
        String huge = "MESSAGE sip:a@b SIP/2.0\r\n" + HEAD + "CSeq: 1 MESSAGE\r\nContent-Length: 99999999999999999999\r\n\r\n";
        assertThat(RawMessageScreen.screen(huge.getBytes(StandardCharsets.US_ASCII), Framing.STREAM))
                .isInstanceOf(Verdict.Close.class);
        byte[] tooLong = new byte[RawMessageScreen.MAX_INPUT_BYTES + 1];
        assertThat(RawMessageScreen.screen(tooLong, Framing.STREAM)).isInstanceOf(Verdict.Close.class);
        assertThat(RawMessageScreen.screen(tooLong, Framing.DATAGRAM)).isEqualTo(new Verdict.Reject(513, "Message Too Large"));
    }

    @Test
    void toleratesLeadingCrlfAndBareLf() {
        String m = "\r\n\r\nOPTIONS sip:a@b SIP/2.0\n" + HEAD.replace("\r\n", "\n") + "CSeq: 1 OPTIONS\n\n";
        assertThat(RawMessageScreen.screen(m.getBytes(StandardCharsets.US_ASCII), Framing.DATAGRAM))
                .isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void bareCrAndNullInput() {
        String m = "OPTIONS sip:a@b SIP/2.0\r\nX: a\rb\r\n" + HEAD + "CSeq: 1 OPTIONS\r\n\r\n";
        assertThat(Table.describe(RawMessageScreen.screen(m.getBytes(StandardCharsets.US_ASCII), Framing.DATAGRAM)))
                .isEqualTo("reject 400");
        assertThat(RawMessageScreen.screen(null, Framing.DATAGRAM)).isInstanceOf(Verdict.Drop.class);
        assertThat(RawMessageScreen.screen(new byte[0], null)).isInstanceOf(Verdict.Reject.class);
    }
}
