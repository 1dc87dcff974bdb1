package org.parley.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.TestProfiles;

class SearchViewModelTest {
    @TempDir
    Path dir;
    private Profile profile;
    private final List<ConversationKey> opened = new ArrayList<>();
    private SearchViewModel vm;

    @BeforeEach
    void setUp() {
        profile = TestProfiles.create(dir);
        profile.history().appendIncoming(TestProfiles.ALICE, TestProfiles.BOB, "the meeting is at noon", "k1").join();
        profile.history().appendOutgoing(TestProfiles.ALICE, "sip:carl@example.com", "no meeting today", "c1").join();
        profile.history().appendIncoming(TestProfiles.ALICE, TestProfiles.BOB, "lunch?", "k2").join();
        vm = new SearchViewModel(profile.history(), Async.direct(), TestProfiles.english(), ConversationKey::peerLabel,
                opened::add);
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    @Test
    void findsMessagesInAllConversationsWithHighlightedSnippets() {
        vm.queryProperty().set("meeting");
        vm.search();
        assertThat(vm.results()).hasSize(2);
        assertThat(vm.results()).extracting(r -> r.conversation().peer())
                .containsExactlyInAnyOrder(TestProfiles.BOB, "sip:carl@example.com");
        assertThat(vm.results().get(0).snippet()).contains(new Snippet.Run("meeting", true));
        assertThat(vm.statusProperty().get()).isEqualTo("2 messages found");
    }

    @Test
    void nothingFoundSaysSo() {
        vm.queryProperty().set("holiday");
        vm.search();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Nothing found.");
    }

    @Test
    void openingAResultOpensItsConversation() {
        vm.queryProperty().set("lunch");
        vm.search();
        vm.open(vm.results().get(0));
        assertThat(opened).containsExactly(new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB));
    }

    @Test
    void snippetsSplitIntoHighlightedRuns() {
        assertThat(Snippet.parse("a [b] c [d]")).containsExactly(new Snippet.Run("a ", false),
                new Snippet.Run("b", true), new Snippet.Run(" c ", false), new Snippet.Run("d", true));
        assertThat(Snippet.parse("odd [bracket")).containsExactly(new Snippet.Run("odd [bracket", false));
    }
}
