package org.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

class MainViewModelTest {
    private static final ConversationKey KEY = new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB);

    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;
    private MainViewModel vm;
    private final List<String> notified = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        profile = TestProfiles.create(dir);
        profile.accounts().save(new AccountRecord(TestProfiles.ALICE, "alice", "pw", null, "UDP", 600, null, null));
        parley = new FakeParley(profile);
        SettingsViewModel settings = new SettingsViewModel(new SettingsStore(dir.resolve("s.properties")),
                UiSettings.defaults(), Async.direct(), TestProfiles.english());
        vm = new MainViewModel(parley, Async.direct(), TestProfiles.english(),
                (title, text, open) -> notified.add(text), settings);
        parley.addListener(vm::onEvent, Runnable::run);
        vm.start();
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    private void receive(String text, long id) {
        parley.emit(new ParleyEvent.MessageReceived(KEY.account(), KEY.peer(), text, id, Instant.now()));
    }

    @Test
    void messagesForAConversationNotInFrontCountAsUnread() {
        receive("one", 1);
        receive("two", 2);
        assertThat(vm.contacts().find(KEY).orElseThrow().unreadProperty().get()).isEqualTo(2);
        vm.open(KEY);
        assertThat(vm.contacts().find(KEY).orElseThrow().unreadProperty().get()).isZero();
    }

    @Test
    void theConversationInFrontOfAFocusedWindowStaysRead() {
        vm.open(KEY);
        receive("seen", 3);
        assertThat(vm.contacts().find(KEY).orElseThrow().unreadProperty().get()).isZero();
        assertThat(vm.chats().find(KEY).orElseThrow().messages()).extracting(m -> m.text()).containsExactly("seen");
        assertThat(notified).isEmpty();
    }

    @Test
    void anUnfocusedWindowNotifiesAndCountsUnreadUntilFocused() {
        vm.open(KEY);
        vm.windowFocusedProperty().set(false);
        receive("while away", 4);
        assertThat(notified).containsExactly("while away");
        assertThat(vm.contacts().find(KEY).orElseThrow().unreadProperty().get()).isEqualTo(1);
        vm.windowFocusedProperty().set(true);
        assertThat(vm.contacts().find(KEY).orElseThrow().unreadProperty().get()).isZero();
    }

    @Test
    void registrationEventsReachTheAccountList() {
        parley.emit(new ParleyEvent.RegistrationChanged(TestProfiles.ALICE, new RegistrationState.Registered(600)));
        assertThat(vm.accounts().accounts()).singleElement()
                .satisfies(a -> assertThat(a.stateTextProperty().get()).isEqualTo("Registered."));
    }

    @Test
    void doNotDisturbSilencesNotificationsButMessagesStillCountAsUnread() {
        vm.presence().stateProperty().set(org.parley.app.presence.PresenceState.DO_NOT_DISTURB);
        vm.presence().apply();
        vm.windowFocusedProperty().set(false);
        receive("quiet please", 7);
        assertThat(notified).isEmpty();
        assertThat(vm.contacts().find(KEY).orElseThrow().unreadProperty().get()).isEqualTo(1);
        assertThat(parley.presenceSet).last().isEqualTo("DO_NOT_DISTURB:");
    }

    @Test
    void watchersAreListedInWords() {
        parley.emit(new ParleyEvent.WatchersChanged(TestProfiles.ALICE, java.util.List.of(
                new org.parley.app.presence.Watcher("1", "sip:bob@example.com", "active"),
                new org.parley.app.presence.Watcher("2", "sip:cathy@example.com", "pending"))));
        assertThat(vm.watchers().rows()).extracting(org.parley.ui.presence.WatchersViewModel.Row::text).containsExactly(
                "bob@example.com \u2014 watching (sip:alice@example.com)",
                "cathy@example.com \u2014 waiting for approval (sip:alice@example.com)");
        parley.emit(new ParleyEvent.WatchersChanged(TestProfiles.ALICE, java.util.List.of()));
        assertThat(vm.watchers().rows()).isEmpty();
    }

    @Test
    void aWatcherRequestIsQueuedOnceAndAnsweredThroughTheCore() {
        parley.emit(new ParleyEvent.WatcherApprovalNeeded(TestProfiles.ALICE, "sip:bob@example.com", "Bob Builder"));
        parley.emit(new ParleyEvent.WatcherApprovalNeeded(TestProfiles.ALICE, "sip:bob@example.com", "Bob Builder"));
        assertThat(vm.watchers().requests()).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo(
                "Bob Builder (bob@example.com) wants to see when you are available (account alice@example.com)."
                        + " Allow it?"));

        vm.watchers().allow(TestProfiles.ALICE, "sip:bob@example.com");
        assertThat(vm.watchers().requests()).isEmpty();
        assertThat(parley.watcherDecisions(TestProfiles.ALICE))
                .containsEntry("sip:bob@example.com", org.parley.app.presence.WatcherDecision.ALLOW);
    }

    @Test
    void aBlockedWatcherIsShownAsBlockedAndLaterKeepsThemPending() {
        parley.emit(new ParleyEvent.WatcherApprovalNeeded(TestProfiles.ALICE, "sip:eve@example.com", ""));
        vm.watchers().later(vm.watchers().requests().get(0));
        assertThat(vm.watchers().requests()).isEmpty();
        assertThat(parley.watcherDecisions(TestProfiles.ALICE)).isEmpty();

        parley.emit(new ParleyEvent.WatchersChanged(TestProfiles.ALICE, java.util.List.of(
                new org.parley.app.presence.Watcher("1", "sip:eve@example.com", "pending"))));
        vm.watchers().block(TestProfiles.ALICE, "sip:eve@example.com");
        assertThat(vm.watchers().rows()).extracting(org.parley.ui.presence.WatchersViewModel.Row::text)
                .containsExactly("eve@example.com \u2014 blocked (sip:alice@example.com)");
    }
}
