package org.parley.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.file.FileEnd;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.ui.chat.MessageItem;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

/** File events as the main window routes them: offers open their conversation, notify, count unread. */
class FileOfferRoutingTest {
    private static final ConversationKey BOB = FilesViewModelTest.KEY;
    private static final ConversationKey CAROL = new ConversationKey(TestProfiles.ALICE, "sip:carol@example.com");

    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;
    private MainViewModel vm;
    private final List<String> notified = new ArrayList<>();
    private final List<Runnable> clicks = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        profile = TestProfiles.create(dir);
        profile.accounts().save(new AccountRecord(TestProfiles.ALICE, "alice", "pw", null, "UDP", 600, null, null));
        profile.contacts().save(new ContactRecord(TestProfiles.ALICE, TestProfiles.BOB, "Bob Builder", ""));
        parley = new FakeParley(profile);
        SettingsViewModel settings = new SettingsViewModel(new SettingsStore(dir.resolve("s.properties")),
                UiSettings.defaults(), Async.direct(), TestProfiles.english());
        vm = new MainViewModel(parley, Async.direct(), TestProfiles.english(), (title, text, open) -> {
            notified.add(title + ": " + text);
            clicks.add(open);
        }, settings);
        parley.addListener(vm::onEvent, Runnable::run);
        vm.start();
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    private static Optional<TransferItem> transferIn(MessageItem row) {
        return row.transfer();
    }

    @Test
    void anOfferOpensItsConversationBehindTheOneInFrontAndCountsAsUnread() {
        vm.open(CAROL);
        parley.emit(new ParleyEvent.FileOffered(FilesViewModelTest.offer("Bob Builder")));

        assertThat(vm.chats().selectedKey()).contains(CAROL);
        assertThat(vm.chats().find(BOB).orElseThrow().messages()).singleElement()
                .satisfies(row -> assertThat(transferIn(row).orElseThrow().sender()).isEqualTo("Bob Builder"));
        assertThat(vm.contacts().find(BOB).orElseThrow().unreadProperty().get()).isEqualTo(1);
        assertThat(notified).isEmpty();
    }

    @Test
    void anOfferToAnUnfocusedWindowNotifiesAndTheNotificationOpensTheConversation() {
        vm.open(CAROL);
        vm.windowFocusedProperty().set(false);
        parley.emit(new ParleyEvent.FileOffered(FilesViewModelTest.offer("")));
        assertThat(notified).containsExactly("Bob Builder wants to send you a file: report.pdf (2.5 MB)");

        clicks.get(0).run();
        assertThat(vm.chats().selectedKey()).contains(BOB);
    }

    @Test
    void theContactListNameIsComparedWithTheClaimedOne() {
        parley.emit(new ParleyEvent.FileOffered(FilesViewModelTest.offer("IT Support")));
        TransferItem item = vm.files().of(BOB).get(0);
        assertThat(item.sender()).isEqualTo("Bob Builder");
        assertThat(item.warning()).contains("“IT Support”", "“Bob Builder”");
    }

    @Test
    void progressAndTheEndReachTheRow() {
        parley.emit(new ParleyEvent.FileOffered(FilesViewModelTest.offer("")));
        TransferItem item = vm.files().of(BOB).get(0);
        vm.files().accept(item);
        assertThat(parley.filesAccepted).containsExactly("t1");
        parley.emit(new ParleyEvent.FileProgress(TestProfiles.ALICE, "t1", 1_250_000, 2_500_000));
        assertThat(item.progressProperty().get()).isEqualTo(0.5);
        parley.emit(new ParleyEvent.FileEnded(TestProfiles.ALICE, "t1", TestProfiles.BOB, "report.pdf", false,
                new FileEnd.Cancelled(true)));
        assertThat(item.stateTextProperty().get()).isEqualTo("The other side cancelled the transfer.");
    }
}
