package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.testsupport.kamailio.KamailioExtension;

/**
 * Files between two real {@code parley run} processes through Kamailio: {@code send_file}, {@code file_offer},
 * {@code accept_file} into a chosen folder, {@code file_done} on both sides with the same hash and the saved path;
 * {@code decline_file} ends the sender's transfer as {@code declined}; an unreadable path is an {@code error}.
 */
@Timeout(240)
class CliFileEndToEndTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private ParleyProcess alice;
    private ParleyProcess bob;

    @AfterEach
    void stop() {
        for (ParleyProcess p : new ParleyProcess[] {alice, bob}) {
            if (p != null) {
                p.close();
            }
        }
    }

    private String aor(String user) {
        return "sip:" + user + "@" + kamailio.domain();
    }

    private Map<String, String> env(String password) {
        return Map.of("PP", "profile passphrase", "PARLEY_PASSWORD", password, "LC_ALL", "C", "LANG", "C",
                "HOME", work.toString());
    }

    private void addAccount(String user) throws Exception {
        try (ParleyProcess p = ParleyProcess.start(user + "-account", work.resolve(user), env(user + "pw"),
                "account", "add", aor(user), "--proxy", kamailio.host() + ":" + kamailio.udpPort(),
                "--transport", "tcp")) {
            assertThat(p.exitCode(WAIT)).as(p.describe()).isZero();
        }
    }

    private static JsonNode await(ParleyProcess p, String what, String event) {
        return p.awaitEvent(what, WAIT, n -> n.path("event").asText().equals(event));
    }

    @Test
    void a_file_is_offered_accepted_into_a_folder_and_arrives_with_its_hash_and_a_second_is_declined()
            throws Exception {
        addAccount("alice");
        addAccount("bob");
        Path report = Files.writeString(work.resolve("Quarterly report.txt"), "Numbers: 1, 2, 3\n".repeat(5000));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        alice = ParleyProcess.start("alice-run", work.resolve("alice"), env("alicepw"), "run");
        bob = ParleyProcess.start("bob-run", work.resolve("bob"), env("bobpw"), "run");
        await(alice, "alice registered", "registered");
        await(bob, "bob registered", "registered");

        alice.send("{\"cmd\":\"send_file\",\"to\":\"" + aor("bob") + "\",\"path\":\"" + report + "\",\"ref\":\"f1\"}");
        JsonNode sending = await(alice, "the transfer's id", "file_sending");
        assertThat(sending.path("ref").asText()).isEqualTo("f1");
        JsonNode offer = await(bob, "the offer", "file_offer");
        assertThat(offer.path("name").asText()).isEqualTo("Quarterly report.txt");
        assertThat(offer.path("size").asLong()).isEqualTo(Files.size(report));
        assertThat(offer.path("from").asText()).isEqualTo(aor("alice"));
        bob.send("{\"cmd\":\"accept_file\",\"dir\":\"" + inbox + "\"}");

        JsonNode done = await(bob, "bob's file", "file_done");
        JsonNode delivered = await(alice, "alice's delivery", "file_done");
        assertThat(done.path("sha256").asText()).isEqualTo(offer.path("sha256").asText())
                .isEqualTo(delivered.path("sha256").asText());
        Path saved = Path.of(done.path("path").asText());
        assertThat(saved.getParent()).isEqualTo(inbox.toRealPath());
        assertThat(Files.mismatch(report, saved)).isEqualTo(-1L);
        assertThat(delivered.path("direction").asText()).isEqualTo("out");
        assertThat(delivered.path("transfer").asText()).isEqualTo(sending.path("transfer").asText());

        alice.send("{\"cmd\":\"send_file\",\"to\":\"" + aor("bob") + "\",\"path\":\"" + report + "\"}");
        bob.awaitEvent("the second offer", WAIT, n -> n.path("event").asText().equals("file_offer")
                && !n.path("transfer").asText().equals(offer.path("transfer").asText()));
        bob.send("{\"cmd\":\"decline_file\"}");
        JsonNode declined = await(alice, "the refusal", "file_failed");
        assertThat(declined.path("kind").asText()).isEqualTo("declined");

        alice.send("{\"cmd\":\"send_file\",\"to\":\"" + aor("bob") + "\",\"path\":\"" + work.resolve("nope.txt")
                + "\",\"ref\":\"f3\"}");
        JsonNode error = await(alice, "the unreadable file", "error");
        assertThat(error.path("ref").asText()).isEqualTo("f3");
        assertThat(error.path("reason").asText()).isEqualTo("There is no readable file nope.txt.");

        alice.send("{\"cmd\":\"quit\"}");
        bob.send("{\"cmd\":\"quit\"}");
        assertThat(alice.exitCode(WAIT)).as(alice.describe()).isZero();
        assertThat(bob.exitCode(WAIT)).as(bob.describe()).isZero();
    }
}
