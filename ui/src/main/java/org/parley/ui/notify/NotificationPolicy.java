package org.parley.ui.notify;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.parley.app.ParleyEvent;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;

/**
 * Decides whether an incoming message becomes a desktop notification: only while the main window is not
 * focused, only when notifications are enabled in the settings, never for a muted conversation. The preview is
 * cut to {@link #PREVIEW} characters. UI thread only.
 */
public final class NotificationPolicy {
    static final int PREVIEW = 120;

    private final Notifier notifier;
    private final I18n i18n;
    private final BooleanSupplier windowFocused;
    private final BooleanSupplier enabled;
    private final Predicate<ConversationKey> muted;
    private final java.util.function.Function<ConversationKey, String> names;
    private final Consumer<ConversationKey> opener;

    public NotificationPolicy(Notifier notifier, I18n i18n, BooleanSupplier windowFocused, BooleanSupplier enabled,
                              Predicate<ConversationKey> muted, java.util.function.Function<ConversationKey, String> names,
                              Consumer<ConversationKey> opener) {
        this.notifier = notifier;
        this.i18n = i18n;
        this.windowFocused = windowFocused;
        this.enabled = enabled;
        this.muted = muted;
        this.names = names;
        this.opener = opener;
    }

    /** @return true if a notification was shown */
    public boolean onReceived(ConversationKey key, ParleyEvent.MessageReceived message) {
        if (windowFocused.getAsBoolean() || !enabled.getAsBoolean() || muted.test(key)) {
            return false;
        }
        String text = message.text().strip();
        if (text.codePointCount(0, text.length()) > PREVIEW) {
            text = text.substring(0, text.offsetByCodePoints(0, PREVIEW)) + "…";
        }
        notifier.show(i18n.t("notify.title", names.apply(key)), text, () -> opener.accept(key));
        return true;
    }
}
