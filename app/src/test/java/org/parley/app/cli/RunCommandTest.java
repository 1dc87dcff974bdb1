package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.storage.AccountRecord;

/** {@code parley run} end to end inside the JVM: profile, core lifecycle, protocol, exit codes. */
@Timeout(30)
class RunCommandTest {
    private static final String ALICE = "sip:alice@127.0.0.1";

    @TempDir
    Path home;

    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final AtomicReference<FakeParley> core = new AtomicReference<>();
    private CliHarness cli;
    private Path dataDir;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(home, profiles);
        cli.env.put("PP", "secret");
        cli.cores = (profile, options) -> {
            FakeParley fake = new FakeParley(profile).onStart(p -> p.emit(
                    new ParleyEvent.RegistrationChanged(ALICE, new RegistrationState.Registered(600))));
            core.set(fake);
            return fake;
        };
        dataDir = home.resolve("data");
        profiles.create(dataDir, "secret".toCharArray()).accounts().save(
                new AccountRecord(ALICE, "alice", "pw", null, "UDP", 600, null, null));
    }

    @Test
    void runs_until_quit_then_closes_core_and_profile_and_exits_0() {
        ScriptedStdin stdin = new ScriptedStdin();
        cli.stdin = stdin;

        CliHarness.Running run = cli.start("--data-dir", dataDir.toString(), "--passphrase-env", "PP", "run");

        await().until(() -> run.out().events("ready").size() == 1);
        assertThat(run.out().events("registered")).hasSize(1);
        stdin.line("{\"cmd\":\"send\",\"to\":\"sip:bob@127.0.0.1\",\"text\":\"hi\",\"ref\":\"a\"}");
        await().until(() -> run.out().events("queued").size() == 1);
        assertThat(core.get().isClosed()).isFalse();

        stdin.line("{\"cmd\":\"quit\"}");

        assertThat(run.exitCode()).succeedsWithin(10, TimeUnit.SECONDS).isEqualTo(ExitCodes.OK);
        assertThat(core.get().isClosed()).isTrue();
        assertThat(profiles.get(dataDir).closed).isTrue();
        assertThat(run.out().lines()).allSatisfy(LineCapture::parse);
    }

    @Test
    void the_bind_address_reaches_the_core() {
        AtomicReference<String> bound = new AtomicReference<>();
        CoreFactory fakes = cli.cores;
        cli.cores = (profile, options) -> {
            bound.set(options.bindAddress());
            return fakes.open(profile, options);
        };

        cli.run("--data-dir", dataDir.toString(), "--passphrase-env", "PP", "--bind", "127.0.0.1", "run");
        assertThat(bound.get()).isEqualTo("127.0.0.1");
        cli.run("--data-dir", dataDir.toString(), "--passphrase-env", "PP", "run");
        assertThat(bound.get()).isEqualTo("0.0.0.0");
    }

    @Test
    void end_of_input_is_a_clean_quit() {
        CliHarness.Result result = cli.run("--data-dir", dataDir.toString(), "--passphrase-env", "PP", "run");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().events("ready")).hasSize(1);
        assertThat(core.get().isClosed()).isTrue();
        assertThat(profiles.get(dataDir).closed).isTrue();
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void an_unknown_account_is_refused_before_the_core_starts() {
        CliHarness.Result result = cli.run("--data-dir", dataDir.toString(), "--passphrase-env", "PP", "run",
                "--account", "sip:nobody@127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NO_SUCH_ACCOUNT);
        assertThat(result.stderr()).contains("There is no account sip:nobody@127.0.0.1.");
        assertThat(result.stdout()).isEmpty();
        assertThat(core.get()).isNull();
        assertThat(profiles.get(dataDir).closed).isTrue();
    }

    @Test
    void a_core_that_cannot_start_is_one_sentence_and_exit_1() {
        cli.cores = (profile, options) -> {
            throw new UnsupportedOperationException("ParleyCore is being written");
        };

        CliHarness.Result result = cli.run("--data-dir", dataDir.toString(), "--passphrase-env", "PP", "run");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("parley: The messaging core could not be opened");
        assertThat(result.stdout()).isEmpty();
        assertThat(profiles.get(dataDir).closed).isTrue();
    }

    @Test
    void run_creates_a_missing_profile_and_says_so_on_stderr_only() {
        Path fresh = home.resolve("fresh");

        CliHarness.Result result = cli.run("--data-dir", fresh.toString(), "--passphrase-env", "PP", "run");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stderr()).contains("Created a new encrypted profile in " + fresh);
        assertThat(result.out().lines()).allSatisfy(LineCapture::parse);
    }
}
