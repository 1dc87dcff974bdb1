package org.parley.app.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.app.presence.PresenceDocumentException.Reason;

/**
 * Hostile and broken bodies are refused quickly, with a reason and one sentence, without touching the network or
 * the file system and without memory blow-up.
 */
class HostilePidfTest {
    private static final Duration QUICK = Duration.ofSeconds(2);
    private final PidfReader reader = new PidfReader();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "xxe-file.xml, DOCTYPE",
            "xxe-parameter-entity.xml, DOCTYPE",
            "external-dtd.xml, DOCTYPE",
            "billion-laughs.xml, DOCTYPE",
            "undeclared-entity.xml, MALFORMED",
            "unclosed.xml, MALFORMED",
            "not-xml.xml, MALFORMED",
            "not-pidf-dialog-info.xml, NOT_PIDF"})
    void refused(String file, Reason reason) {
        byte[] body = Corpus.bytes("pidf/hostile/" + file);
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> reader.read(body))
                .isInstanceOfSatisfying(PresenceDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).startsWith("The ").endsWith(".").doesNotContain("\n");
                }));
    }

    @Test
    void aTenMegabyteBodyIsRefusedBeforeParsing() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> assertThatThrownBy(() -> reader.read(body))
                .isInstanceOfSatisfying(PresenceDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessage("The presence document has 10485760 bytes; the limit is 65536."));
    }

    @Test
    void deepNestingIsRefused() {
        StringBuilder doc = new StringBuilder("<presence xmlns='urn:ietf:params:xml:ns:pidf'>");
        doc.append("<a>".repeat(5000)).append("</a>".repeat(5000)).append("</presence>");
        byte[] body = doc.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isLessThan(PidfLimits.DEFAULT.maxBytes());

        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> reader.read(body))
                .isInstanceOfSatisfying(PresenceDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP)));
    }

    @Test
    void tooManyElementsAreRefused() {
        String doc = "<presence xmlns='urn:ietf:params:xml:ns:pidf'>" + "<x/>".repeat(15_000) + "</presence>";
        byte[] body = doc.getBytes(StandardCharsets.UTF_8);

        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> reader.read(body))
                .isInstanceOfSatisfying(PresenceDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ELEMENTS)));
    }

    @Test
    void externalEntitiesAreNeverFetched() throws Exception {
        try (ServerSocket trap = new ServerSocket(0)) {
            trap.setSoTimeout(300);
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/x";
            for (String doc : new String[] {
                    "<!DOCTYPE presence [<!ENTITY e SYSTEM '" + url + "'>]>"
                            + "<presence xmlns='urn:ietf:params:xml:ns:pidf'><note>&e;</note></presence>",
                    "<!DOCTYPE presence SYSTEM '" + url + "'><presence xmlns='urn:ietf:params:xml:ns:pidf'/>",
                    "<!DOCTYPE presence [<!ENTITY % p SYSTEM '" + url + "'> %p;]>"
                            + "<presence xmlns='urn:ietf:params:xml:ns:pidf'/>"}) {
                assertThatThrownBy(() -> reader.read(doc.getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(PresenceDocumentException.class);
            }
            assertThatThrownBy(trap::accept).as("nobody connected").isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aLocalFileNeverEndsUpInANote(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String doc = "<!DOCTYPE presence [<!ENTITY s SYSTEM '" + secret.toUri() + "'>]>"
                + "<presence xmlns='urn:ietf:params:xml:ns:pidf'><tuple id='t'><status><basic>open</basic>"
                + "</status><note>&s;</note></tuple></presence>";

        assertThatThrownBy(() -> reader.read(doc.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PresenceDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DOCTYPE))
                .message().doesNotContain("TOP-SECRET");
    }

    @Test
    void aBodyAtTheLimitIsStillRead() throws Exception {
        String head = "<presence xmlns='urn:ietf:params:xml:ns:pidf'><tuple id='t'><status><basic>open</basic>"
                + "</status></tuple><!--";
        String tail = "--></presence>";
        String doc = head + "x".repeat(PidfLimits.DEFAULT.maxBytes() - head.length() - tail.length()) + tail;
        assertThat(doc.length()).isEqualTo(PidfLimits.DEFAULT.maxBytes());

        assertThat(reader.read(doc.getBytes(StandardCharsets.UTF_8)).tuples()).hasSize(1);
    }

    @Test
    void stricterLimitsApply() {
        PidfReader strict = new PidfReader(new PidfLimits(100, 3, 5));
        byte[] deep = "<presence xmlns='urn:ietf:params:xml:ns:pidf'><tuple><status><basic>open</basic></status></tuple></presence>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> strict.read(deep)).isInstanceOfSatisfying(PresenceDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        PidfReader shallow = new PidfReader(new PidfLimits(1000, 3, 50));
        assertThatThrownBy(() -> shallow.read(deep)).isInstanceOfSatisfying(PresenceDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP));
    }
}
