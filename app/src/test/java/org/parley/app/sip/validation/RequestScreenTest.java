package org.parley.app.sip.validation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RequestScreen} on every RFC 4475 request jain-sip's lenient parser can parse. For the messages the
 * raw screen already rejects, the row shows what this second line of defence would say on its own.
 */
class RequestScreenTest {

    /** file | expected rejection ("-" = process it) | header the rejection must carry */
    private static final Table EXPECTED = new Table("""
            wsinv.dat      | -   |
            intmeth.dat    | 501 | Allow: MESSAGE, OPTIONS
            esc01.dat      | -   |
            escnull.dat    | -   |
            esc02.dat      | 501 | Allow: MESSAGE, OPTIONS
            lwsdisp.dat    | -   |
            longreq.dat    | -   |
            dblreq.dat     | -   |
            semiuri.dat    | -   |
            transports.dat | -   |
            mpart01.dat    | 415 | Accept: application/im-iscomposing+xml, text/plain
            badinv01.dat   | 400 |
            ncl.dat        | -   |
            scalar02.dat   | 400 |
            quotbal.dat    | 400 |
            lwsstart.dat   | -   |
            trws.dat       | -   |
            escruri.dat    | -   |
            baddate.dat    | -   |
            regbadct.dat   | -   |
            badaspec.dat   | -   |
            baddn.dat      | -   |
            badvers.dat    | -   |
            mismatch01.dat | 400 |
            mismatch02.dat | 501 | Allow: MESSAGE, OPTIONS
            badbranch.dat  | -   |
            insuf.dat      | 400 |
            unkscm.dat     | 416 |
            novelsc.dat    | 416 |
            unksm2.dat     | -   |
            bext01.dat     | 420 | Unsupported: nothingSupportsThis, nothingSupportsThisEither
            invut.dat      | 415 | Accept: application/sdp
            regaut01.dat   | -   |
            multi01.dat    | -   |
            mcl01.dat      | -   |
            zeromf.dat     | -   |
            cparam01.dat   | -   |
            cparam02.dat   | -   |
            regescrt.dat   | -   |
            sdp01.dat      | 406 |
            inv2543.dat    | -   |
            """);

    /** Responses, and requests jain-sip's lenient parser refuses outright (so no Request exists). */
    private static final Set<String> NOT_A_PARSED_REQUEST = Set.of("unreason.dat", "noreason.dat", "scalarlg.dat",
            "bigcode.dat", "bcast.dat", "clerr.dat", "ltgtruri.dat", "lwsruri.dat", "test.dat");

    private final RequestScreen screen = RequestScreen.forParley();

    static List<TortureCorpus.Entry> corpus() {
        return TortureCorpus.entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusRequest(TortureCorpus.Entry e) throws ParseException {
        SIPRequest request = lenient(e.bytes());
        if (NOT_A_PARSED_REQUEST.contains(e.file())) {
            assertThat(request).as(e.file()).isNull();
            return;
        }
        assertThat(request).as(e.file()).isNotNull();
        Optional<Rejection> r = screen.screen(request);
        String status = EXPECTED.get(e.file(), 0);
        if (status.equals("-")) {
            assertThat(r).as(e.file() + ": " + e.handling()).isEmpty();
            return;
        }
        assertThat(r).as(e.file() + ": " + e.handling()).isPresent();
        assertThat(r.get().status()).as(e.file()).isEqualTo(Integer.parseInt(status));
        String header = EXPECTED.get(e.file(), 1);
        if (!header.isEmpty()) {
            String name = header.substring(0, header.indexOf(':'));
            assertThat(String.join(", ", r.get().values(name))).isEqualTo(header.substring(name.length() + 1).strip());
        }
    }

    @Test
    void everyCorpusFileHasARow() {
        for (TortureCorpus.Entry e : corpus()) {
            assertThat(EXPECTED.keys().contains(e.file()) || NOT_A_PARSED_REQUEST.contains(e.file()))
                    .as(e.file()).isTrue();
        }
    }

    @Test
    void theRawVerdictRidesOnTheParsedRequestAndWinsFirst() throws ParseException {
        byte[] lwsstart = TortureCorpus.read("lwsstart.dat");
        // readBody=false without a channel: the path jain-sip's NIO stream parser takes.
        SIPMessage m = ScreeningMessageParser.INSTANCE.parseSIPMessage(TortureCorpus.headerSection(lwsstart),
                false, false, null);
        assertThat(m).isInstanceOf(Request.class);
        assertThat(screen.screen((Request) m)).contains(Rejection.of(400, "Multiple SP in request line"));
        // Parsed by jain-sip alone, the same request passes the semantic checks.
        assertThat(screen.screen(lenient(lwsstart))).isEmpty();
    }

    @Test
    void theStacksOwnReparsingIsNotScreened() throws ParseException {
        byte[] lwsstart = TortureCorpus.read("lwsstart.dat");
        SIPMessage m = ScreeningMessageParser.INSTANCE.parseSIPMessage(lwsstart, true, false, null);
        assertThat(screen.screen((Request) m)).isEmpty();
    }

    @Test
    void ackIsNeverRefusedAndSupportedExtensionsPass() throws ParseException {
        String ack = "ACK nobody:x SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@b>;tag=1\r\n"
                + "From: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 1 ACK\r\nRequire: foo\r\nContent-Length: 0\r\n\r\n";
        assertThat(screen.screen(lenient(ack.getBytes(StandardCharsets.US_ASCII)))).isEmpty();

        String options = ack.replace("ACK nobody:x", "OPTIONS sip:a@b").replace("1 ACK", "1 OPTIONS");
        SIPRequest request = lenient(options.getBytes(StandardCharsets.US_ASCII));
        assertThat(screen.screen(request)).contains(Rejection.of(420, "Bad Extension", "Unsupported", List.of("foo")));
        RequestScreen withFoo = new RequestScreen(new ScreenPolicy(Set.of("OPTIONS"), Set.of("foo"), Map.of(), Map.of()));
        assertThat(withFoo.screen(request)).isEmpty();
    }

    @Test
    void bodyChecks() throws ParseException {
        String base = "MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@b>\r\n"
                + "From: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 1 MESSAGE\r\n%sContent-Length: 2\r\n\r\nhi";
        assertThat(screen.screen(lenient(String.format(base, "Content-Type: text/plain;charset=UTF-8\r\n")
                .getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        assertThat(screen.screen(lenient(String.format(base, "Content-Type: TEXT/Plain\r\n")
                .getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        assertThat(screen.screen(lenient(String.format(base, "").getBytes(StandardCharsets.US_ASCII))))
                .map(Rejection::status).contains(400);
        assertThat(screen.screen(lenient(String.format(base, "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n")
                .getBytes(StandardCharsets.US_ASCII)))).contains(Rejection.of(415, "Unsupported Media Type",
                "Accept-Encoding", List.of("identity")));
    }

    @Test
    void acceptWithWildcardsAdmitsSdp() throws ParseException {
        String invite = "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@b>\r\n"
                + "From: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nAccept: %s\r\nContent-Length: 0\r\n\r\n";
        for (String ok : new String[] {"*/*", "application/*", "text/html, application/sdp;level=1"}) {
            assertThat(screen.screen(lenient(String.format(invite, ok).getBytes(StandardCharsets.US_ASCII))))
                    .as(ok).isEmpty();
        }
        assertThat(screen.screen(lenient(String.format(invite, "text/html").getBytes(StandardCharsets.US_ASCII))))
                .map(Rejection::status).contains(406);
    }

    private static SIPRequest lenient(byte[] bytes) {
        try {
            return new StringMsgParser().parseSIPMessage(bytes, true, false, null) instanceof SIPRequest r ? r : null;
        } catch (ParseException e) {
            return null;
        }
    }
}
