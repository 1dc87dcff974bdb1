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
import org.parley.media.testsupport.TestSignals;

/**
 * A call between two real {@code parley run} processes through Kamailio: bob runs with {@code --auto-answer}
 * and records, alice calls with the {@code call} JSON command playing a WAV file, sends key presses with
 * {@code dtmf} and hangs up; both write the documented call events, and bob's recording holds alice's audio.
 */
@Timeout(240)
class CliCallEndToEndTest {
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
        return Map.of("PP", "profile passphrase", "PARLEY_PASSWORD", password, "LC_ALL", "C", "LANG", "C");
    }

    private void addAccount(String user) throws Exception {
        try (ParleyProcess p = ParleyProcess.start(user + "-account", work.resolve(user), env(user + "pw"),
                "account", "add", aor(user), "--proxy", kamailio.host() + ":" + kamailio.udpPort(),
                "--transport", "udp")) {
            assertThat(p.exitCode(WAIT)).as(p.describe()).isZero();
        }
    }

    private static JsonNode await(ParleyProcess p, String what, String event) {
        return p.awaitEvent(what, WAIT, n -> n.path("event").asText().equals(event));
    }

    @Test
    void a_call_from_the_command_line_is_answered_heard_keyed_and_hung_up() throws Exception {
        addAccount("alice");
        addAccount("bob");
        Path tone = TestSignals.writeWav(work.resolve("tone.wav"), TestSignals.tone(440, 3, 0.3, 8_000), 8_000);
        Path recorded = work.resolve("bob-heard.wav");
        alice = ParleyProcess.start("alice-run", work.resolve("alice"), env("alicepw"), "run");
        bob = ParleyProcess.start("bob-run", work.resolve("bob"), env("bobpw"), "run", "--auto-answer",
                "--answer-record", recorded.toString());
        await(alice, "alice registered", "registered");
        await(bob, "bob registered", "registered");

        alice.send("{\"cmd\":\"call\",\"to\":\"" + aor("bob") + "\",\"play\":\"" + tone + "\",\"ref\":\"c1\"}");
        JsonNode calling = await(alice, "the call's id", "calling");
        assertThat(calling.path("ref").asText()).isEqualTo("c1");
        JsonNode incoming = await(bob, "the incoming call", "call_incoming");
        assertThat(incoming.path("from").asText()).isEqualTo(aor("alice"));
        await(alice, "alice's call established", "call_established");
        await(bob, "bob's call established", "call_established");

        // a second of alice's tone reaches bob before the keys (which replace audio while they sound)
        org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            bob.send("{\"cmd\":\"stats\"}");
            return bob.lines().stream().anyMatch(l -> l.contains("\"event\":\"call_stats\"")
                    && LineCapture.parse(l).path("packets_received").asLong() >= 50);
        });
        alice.send("{\"cmd\":\"dtmf\",\"digits\":\"42\"}");
        bob.awaitEvent("digit 4", WAIT, n -> n.path("event").asText().equals("dtmf") && n.path("digit").asText().equals("4"));
        bob.awaitEvent("digit 2", WAIT, n -> n.path("event").asText().equals("dtmf") && n.path("digit").asText().equals("2"));

        alice.send("{\"cmd\":\"hangup\"}");
        JsonNode ended = await(alice, "alice's end", "call_ended");
        assertThat(ended.path("reason").asText()).isEqualTo("hangup");
        assertThat(await(bob, "bob's end", "call_ended").path("reason").asText()).isEqualTo("remote_hangup");

        alice.send("{\"cmd\":\"quit\"}");
        bob.send("{\"cmd\":\"quit\"}");
        assertThat(alice.exitCode(WAIT)).as(alice.describe()).isZero();
        assertThat(bob.exitCode(WAIT)).as(bob.describe()).isZero();
        // Over a second of the call carried alice's tone; bob's recording holds at least half a second of it
        // (audio quality itself is CallThroughKamailioTest's subject).
        assertThat(Files.exists(recorded)).as("bob's recording").isTrue();
        short[] heard = TestSignals.readRaw(recorded);
        long loud = java.util.stream.IntStream.range(0, heard.length).filter(i -> Math.abs(heard[i]) > 3_000).count();
        assertThat(loud).as("samples of alice's tone in bob's recording (48 kHz)").isGreaterThan(24_000L);
    }
}
