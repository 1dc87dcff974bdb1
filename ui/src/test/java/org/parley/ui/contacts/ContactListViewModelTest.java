package org.parley.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.TestProfiles;

class ContactListViewModelTest {
    @TempDir
    Path dir;
    private Profile profile;
    private ContactListViewModel vm;
    private final java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void setUp() {
        profile = TestProfiles.create(dir);
        vm = new ContactListViewModel(profile, Async.direct(), TestProfiles.english(), changes::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    private List<String> names() {
        return vm.shown().stream().map(ContactItem::displayName).toList();
    }

    @Test
    void savedContactsAreStoredNormalisedAndSortedByGroupThenName() throws Exception {
        vm.save(new ContactRecord(TestProfiles.ALICE, "zoe@example.com", "Zoe", "Work"));
        vm.save(new ContactRecord(TestProfiles.ALICE, "bob@example.com", "Bob", "Work"));
        vm.save(new ContactRecord(TestProfiles.ALICE, "carl@example.com", "Carl", "Family"));
        assertThat(names()).containsExactly("Carl", "Bob", "Zoe");
        assertThat(profile.contacts().list(TestProfiles.ALICE)).extracting(ContactRecord::address)
                .contains("sip:bob@example.com");

        ContactListViewModel reloaded = new ContactListViewModel(profile, Async.direct(), TestProfiles.english(),
                () -> { });
        reloaded.load(List.of(TestProfiles.ALICE));
        assertThat(reloaded.shown()).hasSize(3);
    }

    @Test
    void filterMatchesNameAddressOrGroupAsYouType() {
        vm.save(new ContactRecord(TestProfiles.ALICE, "bob@example.com", "Bob", "Work"));
        vm.save(new ContactRecord(TestProfiles.ALICE, "carl@example.org", "Carl", "Family"));
        vm.filterProperty().set("fam");
        assertThat(names()).containsExactly("Carl");
        vm.filterProperty().set("example.com");
        assertThat(names()).containsExactly("Bob");
        vm.filterProperty().set("");
        assertThat(names()).hasSize(2);
    }

    @Test
    void unreadCountersGrowAndClear() {
        ConversationKey key = ConversationKey.of(TestProfiles.ALICE, TestProfiles.BOB);
        vm.countUnread(key);
        vm.countUnread(key);
        assertThat(vm.find(key).orElseThrow().unreadProperty().get()).isEqualTo(2);
        assertThat(vm.find(key).orElseThrow().savedProperty().get()).as("an unknown sender is listed, unsaved")
                .isFalse();
        vm.markRead(key);
        assertThat(vm.find(key).orElseThrow().unreadProperty().get()).isZero();
    }

    @Test
    void reloadingKeepsUnreadCountersAndUnsavedSenders() {
        ConversationKey stranger = ConversationKey.of(TestProfiles.ALICE, "sip:eve@example.com");
        vm.save(new ContactRecord(TestProfiles.ALICE, "bob@example.com", "Bob", null));
        vm.countUnread(ConversationKey.of(TestProfiles.ALICE, TestProfiles.BOB));
        vm.countUnread(stranger);
        vm.load(List.of(TestProfiles.ALICE));
        assertThat(vm.find(ConversationKey.of(TestProfiles.ALICE, TestProfiles.BOB)).orElseThrow()
                .unreadProperty().get()).isEqualTo(1);
        assertThat(vm.find(stranger)).isPresent();
    }

    @Test
    void editAndRemove() throws Exception {
        vm.save(new ContactRecord(TestProfiles.ALICE, "bob@example.com", "Bob", null));
        ContactItem bob = vm.shown().get(0);
        ContactDialogViewModel edit = new ContactDialogViewModel(vm, TestProfiles.english(),
                List.of(TestProfiles.ALICE), Optional.of(bob));
        edit.nameProperty().set("Robert");
        edit.groupProperty().set("Friends");
        assertThat(edit.save()).isTrue();
        assertThat(vm.shown()).singleElement().satisfies(c -> {
            assertThat(c.displayName()).isEqualTo("Robert");
            assertThat(c.groupProperty().get()).isEqualTo("Friends");
        });
        vm.remove(bob);
        assertThat(vm.shown()).isEmpty();
        assertThat(profile.contacts().list(TestProfiles.ALICE)).isEmpty();
    }

    @Test
    void theDialogRefusesABadAddressWithOneSentence() {
        ContactDialogViewModel add = new ContactDialogViewModel(vm, TestProfiles.english(),
                List.of(TestProfiles.ALICE), Optional.empty());
        add.addressProperty().set("bob at example");
        assertThat(add.save()).isFalse();
        assertThat(add.errorProperty().get()).contains("is not a SIP address");
        assertThatThrownBy(() -> vm.save(new ContactRecord(TestProfiles.ALICE, "", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void savingOrRemovingTellsTheCoreAndPresenceReachesTheRow() throws Exception {
        vm.save(new ContactRecord(TestProfiles.ALICE, "bob@example.com", "Bob", "Work"));
        assertThat(changes.get()).isEqualTo(1);
        ContactItem bob = vm.shown().get(0);
        assertThat(bob.presenceProperty().get()).isEqualTo(org.parley.app.presence.PresenceState.UNKNOWN);

        vm.onPresence(new org.parley.app.ParleyEvent.PresenceChanged(TestProfiles.ALICE, "sip:bob@example.com",
                org.parley.app.presence.PresenceState.BUSY, "in a review"));
        assertThat(bob.presenceProperty().get()).isEqualTo(org.parley.app.presence.PresenceState.BUSY);
        assertThat(bob.presenceNoteProperty().get()).isEqualTo("in a review");

        vm.onPresence(new org.parley.app.ParleyEvent.PresenceChanged("sip:other@example.com", "sip:bob@example.com",
                org.parley.app.presence.PresenceState.AWAY, ""));
        assertThat(bob.presenceProperty().get()).as("another account's view").isEqualTo(
                org.parley.app.presence.PresenceState.BUSY);

        vm.remove(bob);
        assertThat(changes.get()).isEqualTo(2);
    }
}
