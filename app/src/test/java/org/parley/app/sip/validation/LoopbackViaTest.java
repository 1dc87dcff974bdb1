package org.parley.app.sip.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The end-to-end test's Via rewrite changes the sent-by only, never what a torture message is about. */
class LoopbackViaTest {

    static List<TortureCorpus.Entry> corpus() {
        return TortureCorpus.entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rewritesOnlyTheSentByAndKeepsTheVerdict(TortureCorpus.Entry e) {
        byte[] original = e.bytes();
        byte[] rewritten = LoopbackVia.rewrite(original, 40123);
        String before = new String(original, StandardCharsets.ISO_8859_1);
        String after = new String(rewritten, StandardCharsets.ISO_8859_1);
        assertThat(Table.describe(RawMessageScreen.screen(rewritten, Framing.DATAGRAM)))
                .isEqualTo(Table.describe(RawMessageScreen.screen(original, Framing.DATAGRAM)));
        assertThat(Table.describe(RawMessageScreen.screen(TortureCorpus.headerSection(rewritten), Framing.STREAM)))
                .isEqualTo(Table.describe(RawMessageScreen.screen(TortureCorpus.headerSection(original), Framing.STREAM)));
        boolean expectRewrite = !e.isResponse() && !e.file().equals("test.dat"); // test.dat has no Via
        assertThat(after.contains("127.0.0.1:40123")).as(e.file()).isEqualTo(expectRewrite);
        if (!expectRewrite) {
            assertThat(rewritten).isEqualTo(original);
        }
        if (e.file().equals("dblreq.dat")) {
            // The second request in the datagram has its own top Via; it is pointed at loopback too.
            assertThat(after).contains("Via: SIP/2.0/UDP 127.0.0.1:40123;branch=z9hG4bKkdjuw380234\r\n")
                    .doesNotContain("Via: SIP/2.0/UDP 192.0.2.15;");
            return;
        }
        if (!before.contains("\r\n\r\n")) {
            return; // baddn.dat (archive copy): no empty line, no body
        }
        // Everything after the first empty line (the body) is untouched.
        assertThat(after.substring(after.indexOf("\r\n\r\n") + 1))
                .isEqualTo(before.substring(before.indexOf("\r\n\r\n") + 1));
    }

    @org.junit.jupiter.api.Test
    void foldedViaAndEmptyParametersKeepTheirShape() {
        String wsinv = new String(LoopbackVia.rewrite(TortureCorpus.read("wsinv.dat"), 7), StandardCharsets.ISO_8859_1);
        assertThat(wsinv).contains("Via  : SIP  /   2.0\r\n /UDP\r\n    127.0.0.1:7;branch=390skdjuw\r\n");
        String badinv = new String(LoopbackVia.rewrite(TortureCorpus.read("badinv01.dat"), 7), StandardCharsets.ISO_8859_1);
        assertThat(badinv).contains("Via: SIP/2.0/UDP 127.0.0.1:7;;,;,,\r\n");
        String quotbal = new String(LoopbackVia.rewrite(TortureCorpus.read("quotbal.dat"), 7), StandardCharsets.ISO_8859_1);
        assertThat(quotbal).contains("Via: SIP/2.0/UDP 127.0.0.1:7;branch=z9hG4bKkdjuw39234\r\n");
    }
}
