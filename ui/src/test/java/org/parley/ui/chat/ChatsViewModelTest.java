package org.parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

/** Drafts and mutes outlive the window: they are kept in the encrypted profile. */
class ChatsViewModelTest {
    private static final ConversationKey BOB = new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB);
    private static final ConversationKey CAROL = new ConversationKey(TestProfiles.ALICE, "sip:carol@example.com");

    @TempDir
    Path dir;

    private ChatsViewModel chats(Profile profile) {
        ChatsViewModel chats = new ChatsViewModel(new FakeParley(profile), Async.direct(), TestProfiles.english(),
                ConversationKey::peer);
        chats.load();
        return chats;
    }

    @Test
    void draftsAndMuteSurviveARestart() throws Exception {
        try (Profile profile = TestProfiles.create(dir)) {
            ChatsViewModel chats = chats(profile);
            ConversationViewModel bob = chats.open(BOB);
            bob.draftProperty().set("half a thought, ünïcödé 😀");
            bob.mutedProperty().set(true);
            ConversationViewModel carol = chats.open(CAROL);
            carol.draftProperty().set("left open at quit");
            chats.savingDrafts().run();
        }
        try (Profile profile = Profiles.open(dir.resolve("profile"), TestProfiles.PASSPHRASE.toCharArray())) {
            ChatsViewModel chats = chats(profile);
            assertThat(chats.isMuted(BOB)).isTrue();
            assertThat(chats.isMuted(CAROL)).isFalse();
            ConversationViewModel bob = chats.open(BOB);
            assertThat(bob.draftProperty().get()).isEqualTo("half a thought, ünïcödé 😀");
            assertThat(bob.mutedProperty().get()).isTrue();
            assertThat(chats.open(CAROL).draftProperty().get()).isEqualTo("left open at quit");
        }
    }

    @Test
    void aClearedDraftAndAnUnmuteAreForgotten() throws Exception {
        try (Profile profile = TestProfiles.create(dir)) {
            ChatsViewModel chats = chats(profile);
            ConversationViewModel bob = chats.open(BOB);
            bob.draftProperty().set("typo");
            bob.mutedProperty().set(true);
            chats.close(bob);
            assertThat(profile.preferences().withPrefix(ChatsViewModel.DRAFT)).hasSize(1);

            bob = chats.open(BOB);
            assertThat(bob.draftProperty().get()).isEqualTo("typo");
            bob.draftProperty().set("");
            bob.mutedProperty().set(false);
            chats.close(bob);
            assertThat(profile.preferences().withPrefix(ChatsViewModel.DRAFT)).isEmpty();
            assertThat(profile.preferences().withPrefix(ChatsViewModel.MUTE)).isEmpty();
        }
    }

    @Test
    void switchingTabsKeepsTheDraftOfTheTabLeft() throws Exception {
        try (Profile profile = TestProfiles.create(dir)) {
            ChatsViewModel chats = chats(profile);
            chats.open(BOB).draftProperty().set("switching away");
            chats.open(CAROL);
            assertThat(profile.preferences().withPrefix(ChatsViewModel.DRAFT))
                    .containsValue("switching away");
        }
    }
}
