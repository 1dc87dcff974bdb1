package org.parley.ui.files;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;
import org.parley.ui.notify.Notifier;

/**
 * Tells the user about a file offer with a desktop notification, by the rule messages follow: only while the
 * main window is not focused, only with notifications enabled (and not do-not-disturb), never for a muted
 * conversation. Clicking it opens the conversation. UI thread only.
 */
public final class OfferNotice {
    private final Notifier notifier;
    private final I18n i18n;
    private final TransferText text;
    private final BooleanSupplier windowFocused;
    private final BooleanSupplier enabled;
    private final Predicate<ConversationKey> muted;
    private final Consumer<ConversationKey> opener;

    public OfferNotice(Notifier notifier, I18n i18n, BooleanSupplier windowFocused, BooleanSupplier enabled,
                       Predicate<ConversationKey> muted, Consumer<ConversationKey> opener) {
        this.notifier = notifier;
        this.i18n = i18n;
        this.text = new TransferText(i18n);
        this.windowFocused = windowFocused;
        this.enabled = enabled;
        this.muted = muted;
        this.opener = opener;
    }

    /** @return true if a notification was shown */
    public boolean onOffered(TransferItem offer) {
        ConversationKey key = offer.key();
        if (windowFocused.getAsBoolean() || !enabled.getAsBoolean() || muted.test(key)) {
            return false;
        }
        notifier.show(i18n.t("files.notify.title", offer.sender()),
                i18n.t("files.notify.text", offer.name(), text.size(Math.max(0, offer.sizeProperty().get()))),
                () -> opener.accept(key));
        return true;
    }
}
