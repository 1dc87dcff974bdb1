package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Two real {@code parley run} processes (alice and bob, separate profiles) against a real Kamailio: register,
 * message, delivery state, protocol errors, a one-shot {@code parley send}, and clean shutdown with exit 0.
 * Child JVMs use the test JVM's class path, so this runs in the Maven test phase (before `package`).
 */
@Timeout(180)
class CliRunEndToEndTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    private static final Duration REGISTER = Duration.ofSeconds(30);
    private static final Duration DELIVER = Duration.ofSeconds(30);
    private static final Duration EXIT = Duration.ofSeconds(20);

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

    /** A POSIX locale on purpose: the protocol must stay UTF-8 whatever the locale says. */
    private Map<String, String> env(String password) {
        return Map.of("PP", "profile passphrase", "PARLEY_PASSWORD", password, "LC_ALL", "C", "LANG", "C");
    }

    private void addAccount(String user, String password) throws Exception {
        try (ParleyProcess add = ParleyProcess.start(user + "-add", work.resolve(user), env(password),
                "account", "add", aor(user), "--proxy", kamailio.host() + ":" + kamailio.udpPort(),
                "--transport", "udp")) {
            assertThat(add.exitCode(EXIT)).as(add.describe()).isZero();
        }
    }

    private ParleyProcess run(String user, String password) throws Exception {
        return ParleyProcess.start(user + "-run", work.resolve(user), env(password), "run");
    }

    private static void awaitRegistered(ParleyProcess p, String account) {
        JsonNode outcome = p.awaitEvent("registered or failed", REGISTER, n -> account.equals(n.path("account").asText())
                && (n.path("event").asText().equals("registered")
                || n.path("event").asText().equals("registration_failed")));
        assertThat(outcome.path("event").asText()).as(p.describe()).isEqualTo("registered");
        assertThat(outcome.path("expires").asInt()).isPositive();
    }

    @Test
    void two_cli_processes_chat_through_kamailio_and_quit_cleanly() throws Exception {
        addAccount("alice", "alicepw");
        addAccount("bob", "bobpw");
        alice = run("alice", "alicepw");
        bob = run("bob", "bobpw");

        alice.awaitEvent("ready", REGISTER, n -> n.path("event").asText().equals("ready"));
        awaitRegistered(alice, aor("alice"));
        awaitRegistered(bob, aor("bob"));

        alice.send("{\"cmd\":\"send\",\"to\":\"" + aor("bob") + "\",\"text\":\"hello bob ☃\",\"ref\":\"r1\"}");
        long id = alice.awaitEvent("queued r1", DELIVER, n -> n.path("event").asText().equals("queued")
                && n.path("ref").asText().equals("r1")).path("id").asLong();
        JsonNode received = bob.awaitEvent("message from alice", DELIVER,
                n -> n.path("event").asText().equals("message") && n.path("text").asText().equals("hello bob ☃"));
        assertThat(received.path("from").asText()).isEqualTo(aor("alice"));
        assertThat(received.path("account").asText()).isEqualTo(aor("bob"));
        assertThat(received.path("time").asText()).isNotEmpty();
        JsonNode state = alice.awaitEvent("final state of " + id, DELIVER,
                n -> n.path("event").asText().equals("message_state") && n.path("id").asLong() == id
                        && !n.path("state").asText().equals("queued"));
        assertThat(state.path("state").asText()).as(alice.describe()).isEqualTo("sent");

        alice.send("this is not a command");
        alice.awaitEvent("error for the malformed line", DELIVER, n -> n.path("event").asText().equals("error"));
        assertThat(alice.isAlive()).isTrue();
        alice.send("{\"cmd\":\"send\",\"to\":\"" + aor("bob") + "\",\"text\":\"still here\",\"ref\":\"r2\"}");
        bob.awaitEvent("second message", DELIVER, n -> n.path("text").asText().equals("still here"));

        alice.send("{\"cmd\":\"quit\"}");
        assertThat(alice.exitCode(EXIT)).as(alice.describe()).isZero();
        assertThat(alice.lines()).allSatisfy(LineCapture::parse);

        try (ParleyProcess oneShot = ParleyProcess.start("alice-send", work.resolve("alice"), env("alicepw"),
                "send", aor("bob"), "one-shot hello", "--timeout", "30")) {
            assertThat(oneShot.exitCode(Duration.ofSeconds(60))).as(oneShot.describe()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> oneShot.lines().contains("sent"));
        }
        bob.awaitEvent("one-shot message", DELIVER, n -> n.path("text").asText().equals("one-shot hello"));

        bob.closeStdin();
        assertThat(bob.exitCode(EXIT)).as(bob.describe()).isZero();
        assertThat(bob.lines()).allSatisfy(LineCapture::parse);
    }
}
