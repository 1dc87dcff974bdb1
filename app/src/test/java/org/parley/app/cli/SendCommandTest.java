package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.storage.AccountRecord;
import org.parley.storage.DeliveryState;
import org.parley.storage.MessageRecord;

/** {@code parley send} against a {@link FakeParley}: outcomes, exit codes, messages, cleanup. */
@Timeout(30)
class SendCommandTest {
    private static final String ALICE = "sip:alice@127.0.0.1";
    private static final String BOB = "sip:bob@127.0.0.1";

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
        dataDir = home.resolve("data");
        profiles.create(dataDir, "secret".toCharArray()).accounts().save(
                new AccountRecord(ALICE, "alice", "pw", null, "UDP", 600, null, null));
    }

    /** A core that reports {@code registration} on start and {@code outcome} right after each send. */
    private void core(RegistrationState registration, DeliveryState outcome, String reason) {
        core(p -> p.emit(new ParleyEvent.RegistrationChanged(ALICE, registration)), outcome, reason);
    }

    private void core(Consumer<FakeParley> onStart, DeliveryState outcome, String reason) {
        cli.cores = (profile, options) -> {
            FakeParley fake = new FakeParley(profile).onStart(onStart);
            fake.onSend((account, to, text) -> {
                MessageRecord queued = fake.queuedRecord(account, to, text);
                if (outcome != null) {
                    fake.emit(new ParleyEvent.MessageStateChanged(account, to, queued.id(), DeliveryState.QUEUED, null));
                    fake.emit(new ParleyEvent.MessageStateChanged(account, to, queued.id(), outcome, reason));
                }
                return CompletableFuture.completedFuture(queued);
            });
            core.set(fake);
            return fake;
        };
    }

    private CliHarness.Result send(String... extra) {
        String[] base = {"--data-dir", dataDir.toString(), "--passphrase-env", "PP", "send", BOB, "hello bob"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli.run(args);
    }

    @Test
    void sent_prints_sent_and_exits_0_after_closing_the_core() {
        core(new RegistrationState.Registered(600), DeliveryState.SENT, null);

        CliHarness.Result result = send();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout()).isEqualTo("sent");
        assertThat(core.get().sent).containsExactly(new FakeParley.Sent(ALICE, BOB, "hello bob"));
        assertThat(core.get().isClosed()).isTrue();
        assertThat(profiles.get(dataDir).closed).isTrue();
    }

    @Test
    void stored_offline_is_a_success_too() {
        core(new RegistrationState.Registered(600), DeliveryState.STORED_OFFLINE, null);

        CliHarness.Result result = send("--account", "alice@127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout()).isEqualTo("stored for offline delivery");
    }

    @Test
    void failed_delivery_exits_6_with_the_reason() {
        core(new RegistrationState.Registered(600), DeliveryState.FAILED, "404 Not Found");

        CliHarness.Result result = send();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DELIVERY_FAILED);
        assertThat(result.stderr()).isEqualTo("parley: The message was not delivered: 404 Not Found.");
        assertThat(result.stdout()).isEmpty();
        assertThat(core.get().isClosed()).isTrue();
    }

    @Test
    void failed_registration_exits_5_with_the_describe_sentence_and_sends_nothing() {
        core(new RegistrationState.AuthFailed(), DeliveryState.SENT, null);

        CliHarness.Result result = send();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REGISTRATION_FAILED);
        assertThat(result.stderr()).isEqualTo("parley: The server rejected the user name or password.");
        assertThat(core.get().sent).isEmpty();
        assertThat(core.get().isClosed()).isTrue();
    }

    @Test
    void registration_already_done_before_the_listener_saw_it_is_used() {
        core(p -> p.states.put(ALICE, new RegistrationState.Registered(600)), DeliveryState.SENT, null);

        assertThat(send().exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void no_registration_answer_times_out_with_exit_7() {
        core(p -> p.emit(new ParleyEvent.RegistrationChanged(ALICE, new RegistrationState.Registering())),
                DeliveryState.SENT, null);

        CliHarness.Result result = send("--timeout", "1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(result.stderr()).contains("Timed out after 1 s waiting for " + ALICE + " to register");
        assertThat(core.get().sent).isEmpty();
    }

    @Test
    void no_final_state_times_out_and_says_the_message_stays_queued() {
        core(new RegistrationState.Registered(600), null, null);

        CliHarness.Result result = send("--timeout", "1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(result.stderr()).contains("stays in the outbox");
    }

    @Test
    void an_unknown_sending_account_exits_4_without_opening_the_core() {
        core(new RegistrationState.Registered(600), DeliveryState.SENT, null);

        CliHarness.Result result = send("--account", "sip:carol@127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NO_SUCH_ACCOUNT);
        assertThat(core.get()).isNull();
    }

    @Test
    void a_bad_recipient_or_timeout_is_a_usage_error() {
        assertThat(cli.run("--data-dir", dataDir.toString(), "--passphrase-env", "PP", "send", "not an address", "x")
                .exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(send("--timeout", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
