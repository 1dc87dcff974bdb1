package org.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.app.ParleyEvent;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.TestProfiles;

class NotificationPolicyTest {
    private static final ConversationKey KEY = new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB);
    private final List<String> shown = new ArrayList<>();
    private final List<ConversationKey> opened = new ArrayList<>();
    private final Set<ConversationKey> muted = new HashSet<>();
    private boolean focused;
    private boolean enabled = true;
    private final NotificationPolicy policy = new NotificationPolicy((title, text, onOpen) -> {
        shown.add(title + ": " + text);
        onOpen.run();
    }, TestProfiles.english(), () -> focused, () -> enabled, muted::contains, k -> "Bob", opened::add);

    private boolean receive(String text) {
        return policy.onReceived(KEY, new ParleyEvent.MessageReceived(KEY.account(), KEY.peer(), text, 1, Instant.now()));
    }

    @Test
    void anUnfocusedWindowNotifiesAndTheNotificationOpensTheChat() {
        assertThat(receive("hi")).isTrue();
        assertThat(shown).containsExactly("Message from Bob: hi");
        assertThat(opened).containsExactly(KEY);
    }

    @Test
    void aFocusedWindowDoesNotNotify() {
        focused = true;
        assertThat(receive("hi")).isFalse();
    }

    @Test
    void aMutedConversationDoesNotNotify() {
        muted.add(KEY);
        assertThat(receive("hi")).isFalse();
    }

    @Test
    void notificationsCanBeSwitchedOff() {
        enabled = false;
        assertThat(receive("hi")).isFalse();
    }

    @Test
    void longMessagesAreCutWithoutSplittingCharacters() {
        receive("😀".repeat(200));
        assertThat(shown.get(0)).endsWith("…");
        String preview = shown.get(0).substring("Message from Bob: ".length());
        assertThat(preview.codePointCount(0, preview.length())).isEqualTo(NotificationPolicy.PREVIEW + 1);
    }
}
