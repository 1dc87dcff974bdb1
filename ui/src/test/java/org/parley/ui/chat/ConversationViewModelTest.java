package org.parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.storage.DeliveryState;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

class ConversationViewModelTest {
    private static final ConversationKey KEY = new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB);

    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;
    private ChatsViewModel chats;

    @BeforeEach
    void setUp() {
        profile = TestProfiles.create(dir);
        parley = new FakeParley(profile);
        chats = new ChatsViewModel(parley, Async.direct(), TestProfiles.english(), ConversationKey::peerLabel);
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    private void storeIncoming(int count) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(profile.history().appendIncoming(KEY.account(), KEY.peer(), "message " + i, "k" + i));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void opensWithTheNewestPageAndLoadsOlderPagesOnDemandOldestFirst() {
        storeIncoming(150);
        ConversationViewModel vm = chats.open(KEY);
        assertThat(vm.messages()).hasSize(ConversationViewModel.PAGE);
        assertThat(vm.messages().get(vm.messages().size() - 1).text()).isEqualTo("message 149");

        assertThat(vm.loadOlder()).isEqualTo(ConversationViewModel.PAGE);
        assertThat(vm.loadOlder()).isEqualTo(30);
        assertThat(vm.hasOlderProperty().get()).isFalse();
        assertThat(vm.loadOlder()).isZero();
        assertThat(vm.messages()).hasSize(150);
        assertThat(vm.messages().get(0).text()).isEqualTo("message 0");
    }

    @Test
    void sendingShowsTheMessageQueuedAndFollowsItsDeliveryState() {
        ConversationViewModel vm = chats.open(KEY);
        vm.draftProperty().set("Grüße 👋 你好");
        vm.send();
        assertThat(parley.sent).containsExactly(new FakeParley.Sent(KEY.account(), KEY.peer(), "Grüße 👋 你好"));
        assertThat(vm.draftProperty().get()).isEmpty();
        MessageItem item = vm.messages().get(0);
        assertThat(item.stateProperty().get()).isEqualTo(DeliveryState.QUEUED);

        chats.onEvent(new ParleyEvent.MessageStateChanged(KEY.account(), KEY.peer(), item.id(),
                DeliveryState.STORED_OFFLINE, null));
        assertThat(item.stateProperty().get()).isEqualTo(DeliveryState.STORED_OFFLINE);
        assertThat(vm.messages()).hasSize(1);
    }

    @Test
    void retryOfAFailedMessageSendsTheSameTextAgain() {
        ConversationViewModel vm = chats.open(KEY);
        vm.draftProperty().set("hello");
        vm.send();
        MessageItem failed = vm.messages().get(0);
        chats.onEvent(new ParleyEvent.MessageStateChanged(KEY.account(), KEY.peer(), failed.id(),
                DeliveryState.FAILED, "404 Not Found"));
        assertThat(failed.reasonProperty().get()).isEqualTo("404 Not Found");

        vm.retry(failed);
        assertThat(parley.sent).extracting(FakeParley.Sent::text).containsExactly("hello", "hello");
        assertThat(vm.messages()).hasSize(2);
    }

    @Test
    void incomingMessagesAppendAndEndTheTypingIndicator() {
        ConversationViewModel vm = chats.open(KEY);
        chats.onEvent(new ParleyEvent.TypingChanged(KEY.account(), KEY.peer(), true));
        assertThat(vm.peerTypingProperty().get()).isTrue();
        chats.onEvent(new ParleyEvent.MessageReceived(KEY.account(), KEY.peer(), "hi", 77, Instant.now()));
        assertThat(vm.peerTypingProperty().get()).isFalse();
        assertThat(vm.messages()).extracting(MessageItem::text).containsExactly("hi");
    }

    @Test
    void typingInTheComposerTellsThePeerAndClearingStops() {
        ConversationViewModel vm = chats.open(KEY);
        vm.draftProperty().set("h");
        vm.draftProperty().set("");
        assertThat(parley.composing).containsExactly(new FakeParley.Composing(KEY.account(), KEY.peer(), true),
                new FakeParley.Composing(KEY.account(), KEY.peer(), false));
    }

    @Test
    void aDraftOutlivesItsTabButDoesNotAnnounceTypingWhenRestored() {
        ConversationViewModel vm = chats.open(KEY);
        vm.draftProperty().set("half a sentence");
        chats.close(vm);
        parley.composing.clear();
        ConversationViewModel again = chats.open(KEY);
        assertThat(again.draftProperty().get()).isEqualTo("half a sentence");
        assertThat(parley.composing).isEmpty();
    }

    @Test
    void emptyDraftsAreNotSent() {
        ConversationViewModel vm = chats.open(KEY);
        vm.draftProperty().set("  \n ");
        vm.send();
        assertThat(parley.sent).isEmpty();
    }

    @Test
    void muteIsRememberedPerConversation() {
        ConversationViewModel vm = chats.open(KEY);
        vm.mutedProperty().set(true);
        assertThat(chats.isMuted(KEY)).isTrue();
        chats.close(vm);
        assertThat(chats.open(KEY).mutedProperty().get()).isTrue();
    }

    @Test
    void linksAreSplitOutWithoutTrailingPunctuation() {
        assertThat(TextSegments.split("see https://example.com/a?b=1, ok")).containsExactly(
                new TextSegments.Segment("see ", false), new TextSegments.Segment("https://example.com/a?b=1", true),
                new TextSegments.Segment(", ok", false));
        assertThat(TextSegments.split("no links")).containsExactly(new TextSegments.Segment("no links", false));
    }
}
