package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    static final String A = "sip:alice@example.com";
    static final String B = "sip:anna@example.org";
    static final String PEER = "sip:bob@example.com";
    static final String OTHER = "sip:carol@example.com";

    @TempDir
    Path tmp;
    Profile profile;
    HistoryStore history;

    @BeforeEach
    void open() throws StorageException {
        profile = Profiles.create(tmp.resolve("p"), "pass".toCharArray());
        history = profile.history();
    }

    @AfterEach
    void close() {
        profile.close();
    }

    @Test
    void outgoingMessageIsQueuedAndReadBackEqual() throws Exception {
        MessageRecord sent = await(history.appendOutgoing(A, PEER, "Hallo Bob", "call-1"));
        assertThat(sent.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(sent.direction()).isEqualTo(Direction.OUT);
        assertThat(sent.createdAt()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        // Completed means committed: a separate read connection sees it at once.
        assertThat(history.find(sent.id())).contains(sent);
        assertThat(history.find(sent.id() + 1000)).isEmpty();
    }

    @Test
    void duplicateIncomingMessageIsStoredOnce() throws Exception {
        var first = await(history.appendIncoming(A, PEER, "once", "tag;call;1"));
        var again = await(history.appendIncoming(A, PEER, "once (retransmitted)", "tag;call;1"));
        var otherAccount = await(history.appendIncoming(B, PEER, "same key, other account", "tag;call;1"));

        assertThat(first).isPresent();
        assertThat(first.get().state()).isEqualTo(DeliveryState.RECEIVED);
        assertThat(again).isEmpty();
        assertThat(otherAccount).isPresent();
        assertThat(history.conversation(A, PEER, Long.MAX_VALUE, 10)).extracting(MessageRecord::body)
                .containsExactly("once");
    }

    @Test
    void duplicateOutgoingKeyFailsThatWriteOnly() throws Exception {
        await(history.appendOutgoing(A, PEER, "first", "call-1"));
        CompletableFuture<MessageRecord> duplicate = history.appendOutgoing(A, PEER, "second", "call-1");
        CompletableFuture<MessageRecord> fine = history.appendOutgoing(A, PEER, "third", "call-2");
        assertThat(duplicate).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StorageException.class);
        assertThat(await(fine).body()).isEqualTo("third");
    }

    @Test
    void outboxListsQueuedOutgoingOfTheAccountOldestFirst() throws Exception {
        MessageRecord m1 = await(history.appendOutgoing(A, PEER, "1", "c1"));
        MessageRecord m2 = await(history.appendOutgoing(A, OTHER, "2", "c2"));
        await(history.appendIncoming(A, PEER, "in", "i1"));
        MessageRecord m3 = await(history.appendOutgoing(A, PEER, "3", "c3"));
        MessageRecord other = await(history.appendOutgoing(B, PEER, "b", "c4"));
        await(history.updateState(m2.id(), DeliveryState.SENT, null));

        assertThat(history.pendingOutgoing(A)).extracting(MessageRecord::id).containsExactly(m1.id(), m3.id());
        assertThat(history.pendingOutgoing(B)).extracting(MessageRecord::id).containsExactly(other.id());

        await(history.updateState(m1.id(), DeliveryState.FAILED, "404 Not Found"));
        await(history.updateState(m3.id(), DeliveryState.STORED_OFFLINE, null));
        assertThat(history.pendingOutgoing(A)).isEmpty();
    }

    @Test
    void stateUpdatesAreStored() throws Exception {
        MessageRecord m = await(history.appendOutgoing(A, PEER, "x", "c1"));
        await(history.updateState(m.id(), DeliveryState.FAILED, "408 Request Timeout"));
        assertThat(history.find(m.id()).orElseThrow())
                .extracting(MessageRecord::state, MessageRecord::stateReason)
                .containsExactly(DeliveryState.FAILED, "408 Request Timeout");

        await(history.updateState(m.id(), DeliveryState.SENT, "ignored unless FAILED"));
        assertThat(history.find(m.id()).orElseThrow())
                .extracting(MessageRecord::state, MessageRecord::stateReason)
                .containsExactly(DeliveryState.SENT, null);
    }

    @Test
    void impossibleStateUpdatesFail() throws Exception {
        MessageRecord out = await(history.appendOutgoing(A, PEER, "x", "c1"));
        MessageRecord in = await(history.appendIncoming(A, PEER, "y", "i1")).orElseThrow();

        for (CompletableFuture<Void> f : List.of(
                history.updateState(out.id(), DeliveryState.RECEIVED, null),
                history.updateState(in.id(), DeliveryState.SENT, null),
                history.updateState(999_999, DeliveryState.SENT, null))) {
            assertThat(f).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(StorageException.class);
        }
        assertThat(history.find(out.id()).orElseThrow().state()).isEqualTo(DeliveryState.QUEUED);
    }

    @Test
    void conversationPagesNewestFirst() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(i % 3 == 0
                    ? await(history.appendIncoming(A, PEER, "in " + i, "i" + i)).orElseThrow().id()
                    : await(history.appendOutgoing(A, PEER, "out " + i, "o" + i)).id());
            await(history.appendOutgoing(A, OTHER, "noise " + i, "n" + i));
            await(history.appendOutgoing(B, PEER, "other account " + i, "x" + i));
        }
        List<MessageRecord> page1 = history.conversation(A, PEER, Long.MAX_VALUE, 10);
        List<MessageRecord> page2 = history.conversation(A, PEER, page1.get(9).id(), 10);
        List<MessageRecord> page3 = history.conversation(A, PEER, page2.get(9).id(), 10);
        List<MessageRecord> page4 = history.conversation(A, PEER, page3.get(page3.size() - 1).id(), 10);

        assertThat(page1).hasSize(10);
        assertThat(page2).hasSize(10);
        assertThat(page3).hasSize(5);
        assertThat(page4).isEmpty();
        List<Long> all = new ArrayList<>();
        for (List<MessageRecord> page : List.of(page1, page2, page3)) {
            page.forEach(m -> all.add(m.id()));
        }
        List<Long> expected = new ArrayList<>(ids);
        java.util.Collections.reverse(expected);
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(all)).hasSize(25);
        assertThat(history.conversation(A, PEER, Long.MAX_VALUE, 0)).isEmpty();
    }

    @Test
    void conversationsFollowTheLatestMessage() throws Exception {
        MessageRecord toPeer = await(history.appendOutgoing(A, PEER, "1", "c1"));
        MessageRecord toOther = await(history.appendOutgoing(A, OTHER, "2", "c2"));
        assertThat(history.conversations(A)).extracting(ConversationRecord::peer).containsExactly(OTHER, PEER);

        MessageRecord reply = await(history.appendIncoming(A, PEER, "3", "i3")).orElseThrow();
        List<ConversationRecord> conversations = history.conversations(A);
        assertThat(conversations).extracting(ConversationRecord::peer).containsExactly(PEER, OTHER);
        assertThat(conversations.get(0).lastMessageId()).isEqualTo(reply.id());
        assertThat(conversations.get(0).lastActivity()).isEqualTo(reply.createdAt());
        assertThat(conversations.get(1).lastMessageId()).isEqualTo(toOther.id());
        assertThat(toPeer.id()).isLessThan(reply.id());
        assertThat(history.conversations(B)).isEmpty();
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }
}
