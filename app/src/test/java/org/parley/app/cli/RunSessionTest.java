package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.storage.DeliveryState;
import org.parley.storage.MessageRecord;

/** The stdin/stdout protocol of {@code parley run} against a {@link FakeParley}: dispatch, errors, ordering. */
@Timeout(20)
class RunSessionTest {
    private static final String ALICE = "sip:alice@127.0.0.1";
    private static final String BOB = "sip:bob@127.0.0.1";

    private final FakeParley parley = new FakeParley(null);
    private final LineCapture out = new LineCapture();
    private RunOutput output = output(Set.of());

    private RunOutput output(Set<String> accounts) {
        RunOutput o = new RunOutput(new JsonLineWriter(new ObjectMapper(),
                new PrintStream(out, true, StandardCharsets.UTF_8)), accounts);
        parley.addListener(o::onEvent, o.listenerExecutor());
        return o;
    }

    @AfterEach
    void closeOutput() {
        output.close();
    }

    private void session(InputStream stdin, int maxBytes, Set<String> allowed, String defaultAccount) {
        new RunSession(parley, output, new BoundedLineReader(stdin, maxBytes), allowed, defaultAccount)
                .readCommands();
    }

    private void session(String stdin) {
        session(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), 1 << 20, Set.of(), null);
        output.close();
    }

    private static String send(String text, String ref) {
        return "{\"cmd\":\"send\",\"to\":\"" + BOB + "\",\"text\":\"" + text + "\",\"ref\":\"" + ref + "\"}\n";
    }

    @Test
    void send_is_handed_to_the_core_and_answered_with_queued_id_and_ref() {
        session(send("hello", "r1"));

        assertThat(parley.sent).containsExactly(new FakeParley.Sent(null, BOB, "hello"));
        assertThat(out.json()).singleElement().satisfies(queued -> {
            assertThat(queued.get("event").textValue()).isEqualTo("queued");
            assertThat(queued.get("id").longValue()).isEqualTo(1);
            assertThat(queued.get("ref").textValue()).isEqualTo("r1");
            assertThat(queued.get("to").textValue()).isEqualTo(BOB);
        });
    }

    @Test
    void malformed_lines_get_an_error_event_and_the_loop_goes_on() {
        session("this is not json\n{\"cmd\":\"fly\",\"ref\":5}\n\n   \n" + send("after", "r2"));

        List<JsonNode> lines = out.json();
        assertThat(lines).extracting(n -> n.get("event").textValue()).containsExactly("error", "error", "queued");
        assertThat(lines.get(0).get("reason").textValue()).contains("not valid JSON");
        assertThat(lines.get(1).get("ref").intValue()).isEqualTo(5);
        assertThat(parley.sent).hasSize(1);
    }

    @Test
    void an_overlong_line_is_an_error_not_a_crash() {
        String huge = send("x".repeat(5000), "big");
        session(new ByteArrayInputStream((huge + send("small", "ok")).getBytes(StandardCharsets.UTF_8)), 1024,
                Set.of(), null);
        output.close();

        assertThat(out.json()).extracting(n -> n.get("event").textValue()).containsExactly("error", "queued");
        assertThat(out.json().get(0).get("reason").textValue()).contains("longer than 1024 bytes");
        assertThat(parley.sent).extracting(FakeParley.Sent::text).containsExactly("small");
    }

    @Test
    void quit_stops_reading_immediately() {
        session("{\"cmd\":\"quit\"}\n" + send("never", "r"));

        assertThat(parley.sent).isEmpty();
    }

    @Test
    void end_of_input_ends_the_session_like_quit() {
        ScriptedStdin stdin = new ScriptedStdin();
        CompletableFuture<Void> done = CompletableFuture.runAsync(
                () -> session(stdin, 1 << 20, Set.of(), null));
        stdin.line(send("one", "1"));
        await().until(() -> parley.sent.size() == 1);
        assertThat(done).isNotDone();

        stdin.close();

        await().atMost(Duration.ofSeconds(5)).until(done::isDone);
    }

    @Test
    void a_send_the_core_refuses_becomes_an_error_with_the_ref() {
        parley.onSend((account, to, text) -> CompletableFuture.failedFuture(
                new IllegalArgumentException("The message is larger than 65536 bytes.")));

        session(send("big", "r7"));

        assertThat(out.json()).singleElement().satisfies(error -> {
            assertThat(error.get("event").textValue()).isEqualTo("error");
            assertThat(error.get("reason").textValue()).isEqualTo("The message is larger than 65536 bytes.");
            assertThat(error.get("ref").textValue()).isEqualTo("r7");
        });
    }

    @Test
    void a_send_that_throws_at_once_is_an_error_too() {
        parley.onSend((account, to, text) -> {
            throw new IllegalArgumentException("\"nobody\" is not a SIP address.");
        });

        session(send("x", "r8"));

        assertThat(out.events("error")).singleElement()
                .satisfies(e -> assertThat(e.get("reason").textValue()).contains("not a SIP address"));
    }

    @Test
    void typing_goes_to_the_core_and_its_refusal_is_an_error() {
        session("{\"cmd\":\"typing\",\"to\":\"" + BOB + "\",\"active\":true}\n"
                + "{\"cmd\":\"typing\",\"to\":\"nobody\",\"active\":false}\n");

        assertThat(parley.composing).containsExactly(new FakeParley.Composing(null, BOB, true));
        assertThat(out.events("error")).hasSize(1);
    }

    @Test
    void sends_from_an_account_outside_the_run_selection_are_refused() {
        session(new ByteArrayInputStream(("{\"cmd\":\"send\",\"to\":\"" + BOB + "\",\"text\":\"x\","
                + "\"account\":\"sip:mallory@127.0.0.1\"}\n" + send("y", "ok")).getBytes(StandardCharsets.UTF_8)),
                1 << 20, Set.of(ALICE), ALICE);
        output.close();

        assertThat(out.events("error").get(0).get("reason").textValue()).contains("sip:mallory@127.0.0.1");
        assertThat(parley.sent).containsExactly(new FakeParley.Sent(ALICE, BOB, "y"));
    }

    @Test
    void message_state_of_a_send_never_precedes_its_queued_reply() throws Exception {
        CompletableFuture<MessageRecord> stored = new CompletableFuture<>();
        parley.onSend((account, to, text) -> stored);
        ScriptedStdin stdin = new ScriptedStdin();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> session(stdin, 1 << 20, Set.of(), null));

        stdin.line(send("fast", "r1"));
        await().until(() -> parley.sent.size() == 1);
        parley.emit(new ParleyEvent.MessageStateChanged(ALICE, BOB, 1, DeliveryState.SENT, null));
        parley.emit(new ParleyEvent.TypingChanged(ALICE, BOB, true));
        awaitOutputIdle();
        assertThat(out.json()).extracting(n -> n.get("event").textValue()).containsExactly("typing");

        stored.complete(parley.queuedRecord(ALICE, BOB, "fast"));
        await().until(() -> out.lines().size() == 3);
        assertThat(out.json()).extracting(n -> n.get("event").textValue())
                .containsExactly("typing", "queued", "message_state");
        stdin.close();
        done.get(5, TimeUnit.SECONDS);
    }

    @Test
    void core_events_are_written_one_per_line_in_order_and_filtered_by_account() {
        output.close();
        output = output(Set.of(ALICE));
        for (int i = 0; i < 200; i++) {
            parley.emit(new ParleyEvent.MessageReceived(i % 2 == 0 ? ALICE : BOB, BOB, "m" + i, i, Instant.EPOCH));
        }
        output.close();

        assertThat(out.json()).hasSize(100).allSatisfy(n -> assertThat(n.get("account").textValue()).isEqualTo(ALICE));
        assertThat(out.json().get(99).get("text").textValue()).isEqualTo("m198");
    }

    @Test
    void registration_events_pass_through() {
        parley.emit(new ParleyEvent.RegistrationChanged(ALICE, new RegistrationState.Registered(300)));
        output.ready();
        output.close();

        assertThat(out.json()).extracting(n -> n.get("event").textValue()).containsExactly("registered", "ready");
    }

    private void awaitOutputIdle() throws InterruptedException {
        CountDownLatch idle = new CountDownLatch(1);
        output.listenerExecutor().execute(idle::countDown);
        assertThat(idle.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
