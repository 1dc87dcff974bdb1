package org.parley.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.SipAddress;
import org.parley.storage.DeliveryState;
import org.parley.storage.MessageRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/** The chat engine over real encrypted storage and a scripted transport. */
class ChatEngineTest {
    private static final String ALICE = "sip:alice@example.com";
    private static final SipAddress BOB = SipAddress.parse("sip:bob@example.com");

    @TempDir
    Path dir;
    private Profile profile;
    private ScheduledExecutorService core;
    private ScriptedTransport transport;
    private final List<ParleyEvent> events = new CopyOnWriteArrayList<>();
    private ChatEngine chat;

    @BeforeEach
    void setUp() throws Exception {
        profile = Profiles.create(dir.resolve("p"), "pass phrase".toCharArray());
        core = Executors.newSingleThreadScheduledExecutor();
        transport = new ScriptedTransport();
        chat = new ChatEngine(profile.history(), transport, core, events::add, 64 * 1024);
    }

    @AfterEach
    void tearDown() {
        core.shutdownNow();
        profile.close();
    }

    private List<DeliveryState> statesOf(long id) {
        return events.stream().filter(e -> e instanceof ParleyEvent.MessageStateChanged s && s.id() == id)
                .map(e -> ((ParleyEvent.MessageStateChanged) e).state()).toList();
    }

    @Test
    void aMessageIsStoredBeforeItIsSentAndEndsSent() throws Exception {
        transport.autoAnswer = false;
        MessageRecord m = chat.send(ALICE, BOB, "hello").get();
        assertThat(profile.history().find(m.id())).get().extracting(MessageRecord::state)
                .isEqualTo(DeliveryState.QUEUED);
        await().until(() -> transport.textMessages().size() == 1);
        transport.textMessages().get(0).answer().complete(new SendOutcome.Accepted(false));
        await().until(() -> statesOf(m.id()).contains(DeliveryState.SENT));
        assertThat(profile.history().find(m.id()).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void a202MeansStoredForOfflineDelivery() throws Exception {
        transport.answerNext(new SendOutcome.Accepted(true));
        MessageRecord m = chat.send(ALICE, BOB, "later").get();
        await().until(() -> statesOf(m.id()).contains(DeliveryState.STORED_OFFLINE));
    }

    @Test
    void aFinalRejectionFailsTheMessageWithTheSipReason() throws Exception {
        transport.answerNext(new SendOutcome.Rejected(404, "404 Not Found"));
        MessageRecord m = chat.send(ALICE, BOB, "anyone?").get();
        await().until(() -> statesOf(m.id()).contains(DeliveryState.FAILED));
        assertThat(profile.history().find(m.id()).orElseThrow().stateReason()).isEqualTo("404 Not Found");
    }

    @Test
    void messagesToOnePeerGoOutOneAtATimeInOrder() throws Exception {
        transport.autoAnswer = false;
        for (int i = 0; i < 5; i++) {
            chat.send(ALICE, BOB, "m" + i).get();
        }
        for (int i = 0; i < 5; i++) {
            int expected = i + 1;
            await().until(() -> transport.textMessages().size() == expected);
            assertThat(transport.textMessages().get(i).body()).isEqualTo("m" + i);
            transport.textMessages().get(i).answer().complete(new SendOutcome.Accepted(false));
        }
    }

    @Test
    void whileOfflineMessagesWaitAndGoOutInOrderWhenTheAccountIsBack() throws Exception {
        transport.registered = false;
        for (int i = 0; i < 3; i++) {
            chat.send(ALICE, BOB, "queued " + i).get();
        }
        assertThat(transport.textMessages()).isEmpty();
        transport.registered = true;
        core.execute(() -> chat.accountOnline(ALICE));
        await().until(() -> transport.textMessages().size() == 3);
        assertThat(transport.textMessages()).extracting(ScriptedTransport.Sent::body)
                .containsExactly("queued 0", "queued 1", "queued 2");
        await().until(() -> profile.history().pendingOutgoing(ALICE).isEmpty());
    }

    @Test
    void aMessageLeftInTheOutboxByAnEarlierRunIsSentWithItsOriginalIdentity() throws Exception {
        MessageRecord old = profile.history().appendOutgoing(ALICE, BOB.toString(), "from last run", "cid-1@parley")
                .get();
        core.execute(() -> chat.accountOnline(ALICE));
        await().until(() -> transport.textMessages().size() == 1);
        ScriptedTransport.Sent s = transport.textMessages().get(0);
        assertThat(s.callId()).isEqualTo("cid-1@parley");
        assertThat(s.fromTag()).isEqualTo(Tags.forCallId("cid-1@parley"));
        await().until(() -> statesOf(old.id()).contains(DeliveryState.SENT));
    }

    @Test
    void aTransportFailureKeepsTheMessageQueuedAndRetriesWithTheSameCallId() throws Exception {
        transport.answerNext(new SendOutcome.TransportFailed("connection refused"));
        MessageRecord m = chat.send(ALICE, BOB, "persist").get();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.textMessages().size() == 2);
        assertThat(transport.suspicions).isNotEmpty();
        assertThat(transport.textMessages()).extracting(ScriptedTransport.Sent::callId).containsOnly(m.sipKey());
        await().until(() -> statesOf(m.id()).contains(DeliveryState.SENT));
        assertThat(statesOf(m.id())).doesNotContain(DeliveryState.FAILED);
    }

    @Test
    void aBodyOverThePolicyLimitIsRefusedAndNotStored() throws Exception {
        String tooLong = "ä".repeat(32 * 1024 + 1); // 2 bytes each in UTF-8
        assertThatThrownBy(() -> chat.send(ALICE, BOB, tooLong).get()).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("too long");
        assertThat(profile.history().pendingOutgoing(ALICE)).isEmpty();
    }

    @Test
    void anIncomingMessageIsAnsweredOnlyAfterItIsStoredAndADuplicateOnlyOnce() throws Exception {
        List<Integer> answers = new CopyOnWriteArrayList<>();
        IncomingMessage m = new IncomingMessage(ALICE, BOB.toString(), "bob;tag1;cid9;2", "text/plain",
                "grüße".getBytes(StandardCharsets.UTF_8), "UTF-8");
        core.execute(() -> chat.onIncoming(m, answers::add));
        await().until(() -> answers.size() == 1);
        assertThat(answers).containsExactly(200);
        assertThat(profile.history().conversation(ALICE, BOB.toString(), Long.MAX_VALUE, 5))
                .extracting(MessageRecord::body).containsExactly("grüße");

        core.execute(() -> chat.onIncoming(m, answers::add));
        await().until(() -> answers.size() == 2);
        assertThat(answers).containsExactly(200, 200);
        assertThat(events).filteredOn(e -> e instanceof ParleyEvent.MessageReceived).hasSize(1);
        assertThat(profile.history().conversation(ALICE, BOB.toString(), Long.MAX_VALUE, 5)).hasSize(1);
    }

    @Test
    void unknownContentTypesAreRefusedWith415() {
        List<Integer> answers = new CopyOnWriteArrayList<>();
        core.execute(() -> chat.onIncoming(new IncomingMessage(ALICE, BOB.toString(), "k", "image/png",
                new byte[] {1, 2}, null), answers::add));
        await().until(() -> answers.equals(List.of(415)));
    }

    @Test
    void typingShowsUntilIdleOrAMessageArrives() {
        List<Integer> answers = new CopyOnWriteArrayList<>();
        byte[] active = IsComposing.document(true, 60).getBytes(StandardCharsets.UTF_8);
        core.execute(() -> chat.onIncoming(new IncomingMessage(ALICE, BOB.toString(), "k1",
                IsComposing.CONTENT_TYPE, active, null), answers::add));
        await().until(() -> events.contains(new ParleyEvent.TypingChanged(ALICE, BOB.toString(), true)));
        core.execute(() -> chat.onIncoming(new IncomingMessage(ALICE, BOB.toString(), "k2", "text/plain",
                "hi".getBytes(StandardCharsets.UTF_8), null), answers::add));
        await().until(() -> events.contains(new ParleyEvent.TypingChanged(ALICE, BOB.toString(), false)));
    }

    @Test
    void ourComposingStateIsSentOnceAndEndedByIdle() {
        core.execute(() -> chat.setComposing(ALICE, BOB, true));
        core.execute(() -> chat.setComposing(ALICE, BOB, true));
        core.execute(() -> chat.setComposing(ALICE, BOB, false));
        await().until(() -> transport.sent.size() == 2);
        assertThat(transport.sent).extracting(s -> IsComposing.parse(s.body().getBytes(StandardCharsets.UTF_8))
                .orElseThrow().active()).containsExactly(true, false);
    }
}
