package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.testsupport.kamailio.KamailioExtension;

/**
 * Presence between two real {@code parley run} processes through Kamailio's presence server: alice's contact is
 * added with {@code parley contact add} before she runs, bob's with the {@code contact_add} JSON command while he
 * runs; each sets a state with the {@code presence} JSON command and the other writes the {@code presence} event
 * with that state and note; bob quitting shows him offline.
 */
@Timeout(240)
class CliPresenceEndToEndTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    private static final Duration REGISTER = Duration.ofSeconds(30);
    private static final Duration PRESENCE = Duration.ofSeconds(30);
    private static final Duration EXIT = Duration.ofSeconds(30);

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
        return Map.of("PP", "profile passphrase", "PARLEY_PASSWORD", password, "LC_ALL", "C", "LANG", "C");
    }

    private void once(String user, String password, String... args) throws Exception {
        try (ParleyProcess p = ParleyProcess.start(user + "-" + args[0] + "-" + args[1], work.resolve(user),
                env(password), args)) {
            assertThat(p.exitCode(EXIT)).as(p.describe()).isZero();
        }
    }

    private void addAccount(String user) throws Exception {
        once(user, user + "pw", "account", "add", aor(user), "--proxy", kamailio.host() + ":" + kamailio.udpPort(),
                "--transport", "udp");
    }

    private static void awaitRegistered(ParleyProcess p, String account) {
        JsonNode outcome = p.awaitEvent("registered or failed", REGISTER, n -> account.equals(n.path("account").asText())
                && (n.path("event").asText().equals("registered")
                || n.path("event").asText().equals("registration_failed")));
        assertThat(outcome.path("event").asText()).as(p.describe()).isEqualTo("registered");
    }

    private static Predicate<JsonNode> presence(String account, String contact, String state, String note) {
        return n -> n.path("event").asText().equals("presence") && n.path("account").asText().equals(account)
                && n.path("contact").asText().equals(contact) && n.path("state").asText().equals(state)
                && n.path("note").asText("").equals(note);
    }

    @Test
    void presence_set_by_json_command_reaches_the_other_run_as_a_presence_event() throws Exception {
        addAccount("alice");
        addAccount("bob");
        once("alice", "alicepw", "contact", "add", aor("bob"), "--name", "Bob", "--group", "Team");
        alice = ParleyProcess.start("alice-run", work.resolve("alice"), env("alicepw"), "run");
        bob = ParleyProcess.start("bob-run", work.resolve("bob"), env("bobpw"), "run");
        awaitRegistered(alice, aor("alice"));
        awaitRegistered(bob, aor("bob"));

        bob.send("{\"cmd\":\"presence\",\"state\":\"away\",\"note\":\"lunch\"}");
        alice.awaitEvent("bob away at lunch", PRESENCE, presence(aor("alice"), aor("bob"), "away", "lunch"));

        bob.send("{\"cmd\":\"contact_add\",\"address\":\"alice@" + kamailio.domain() + "\",\"name\":\"Alice\"}");
        alice.send("{\"cmd\":\"presence\",\"state\":\"do-not-disturb\",\"note\":\"Präsentation 🎤\"}");
        bob.awaitEvent("alice do-not-disturb", PRESENCE,
                presence(aor("bob"), aor("alice"), "do-not-disturb", "Präsentation 🎤"));

        alice.send("{\"cmd\":\"presence\",\"state\":\"napping\",\"ref\":\"bad\"}");
        JsonNode error = alice.awaitEvent("error for a bad state", PRESENCE,
                n -> n.path("event").asText().equals("error") && n.path("ref").asText().equals("bad"));
        assertThat(error.path("reason").asText()).startsWith("Unknown presence state \"napping\"");

        bob.send("{\"cmd\":\"quit\"}");
        assertThat(bob.exitCode(EXIT)).as(bob.describe()).isZero();
        alice.awaitEvent("bob offline after his quit", PRESENCE, presence(aor("alice"), aor("bob"), "offline", ""));

        alice.closeStdin();
        assertThat(alice.exitCode(EXIT)).as(alice.describe()).isZero();
        assertThat(alice.lines()).allSatisfy(LineCapture::parse);
        assertThat(bob.lines()).allSatisfy(LineCapture::parse);
        assertThat(bob.lines()).noneMatch(line -> line.contains("\"event\":\"error\""));
    }
}
