package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.AccountRecord;
import org.parley.storage.DeliveryState;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/** history search and show against the real encrypted storage. */
class HistoryCommandsTest {
    private static final String ALICE = "sip:alice@127.0.0.1";
    private static final String BOB = "sip:bob@127.0.0.1";
    private static final String CAROL = "sip:carol@127.0.0.1";

    @TempDir
    Path home;

    private CliHarness cli;
    private Path dataDir;

    @BeforeEach
    void seed() throws Exception {
        dataDir = home.resolve("data");
        try (Profile profile = Profiles.create(dataDir, "pp".toCharArray())) {
            profile.accounts().save(new AccountRecord(ALICE, "alice", "pw", null, "UDP", 600, null, null));
            var h = profile.history();
            long first = h.appendOutgoing(ALICE, BOB, "lunch at noon?", "c1").get(5, TimeUnit.SECONDS).id();
            h.updateState(first, DeliveryState.SENT, null).get(5, TimeUnit.SECONDS);
            h.appendIncoming(ALICE, BOB, "yes, lunch\nat the usual place", "k1").get(5, TimeUnit.SECONDS);
            long third = h.appendOutgoing(ALICE, BOB, "great", "c2").get(5, TimeUnit.SECONDS).id();
            h.updateState(third, DeliveryState.FAILED, "408 Request Timeout").get(5, TimeUnit.SECONDS);
            h.appendIncoming(ALICE, CAROL, "lunch tomorrow instead?", "k2").get(5, TimeUnit.SECONDS);
        }
        cli = new CliHarness(home, ProfileFactory.storage());
        cli.env.put("PP", "pp");
    }

    private CliHarness.Result parley(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"--data-dir", dataDir.toString(), "--passphrase-env", "PP"}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.run(all);
    }

    @Test
    void search_prints_time_peer_direction_and_snippet() {
        CliHarness.Result result = parley("history", "search", "lunch");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines()).hasSize(3).allSatisfy(line ->
                assertThat(line).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  sip:\\S+  (in|out)  .*\\[lunch].*"));
        assertThat(result.stdout()).contains(CAROL).doesNotContain("\nat the usual");
    }

    @Test
    void search_json_and_limit() {
        CliHarness.Result result = parley("history", "search", "lunch", "--json", "--limit", "2");

        assertThat(result.out().json()).hasSize(2).allSatisfy(hit -> {
            assertThat(hit.get("snippet").textValue()).contains("[lunch]");
            assertThat(hit.get("direction").textValue()).isIn("in", "out");
            assertThat(hit.get("account").textValue()).isEqualTo(ALICE);
        });
    }

    @Test
    void show_prints_the_conversation_oldest_first_with_states() {
        CliHarness.Result result = parley("history", "show", "bob@127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines()).hasSize(3);
        assertThat(result.out().lines().get(0)).contains("out  lunch at noon?");
        assertThat(result.out().lines().get(1)).contains("in  yes, lunch at the usual place");
        assertThat(result.out().lines().get(2)).contains("out  great  [failed: 408 Request Timeout]");
    }

    @Test
    void show_json_with_limit_keeps_the_latest() {
        CliHarness.Result result = parley("history", "show", BOB, "--json", "--limit", "2", "--account", ALICE);

        assertThat(result.out().json()).extracting(n -> n.get("text").textValue())
                .containsExactly("yes, lunch\nat the usual place", "great");
        JsonNode failed = result.out().json().get(1);
        assertThat(failed.get("state").textValue()).isEqualTo("failed");
        assertThat(failed.get("reason").textValue()).isEqualTo("408 Request Timeout");
    }

    @Test
    void nothing_found_is_said_on_stderr_with_empty_stdout() {
        CliHarness.Result result = parley("history", "show", "sip:nobody@127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("No messages with sip:nobody@127.0.0.1.");
    }
}
