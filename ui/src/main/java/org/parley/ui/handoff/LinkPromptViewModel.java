package org.parley.ui.handoff;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.parley.app.AccountConfig;
import org.parley.app.Parley;
import org.parley.app.dial.DialRequest;
import org.parley.app.dial.DialTarget;
import org.parley.app.dial.DialUri;
import org.parley.storage.AccountRecord;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a link into a question. A link never starts anything by itself — a web page could otherwise place calls —
 * so {@link #offer} only sets {@link #promptProperty()}; the call or chat starts in {@link #call()} or
 * {@link #chat()}, which the view runs on the user's click. {@code sip:}/{@code sips:} addresses are used as they
 * are (with the account that has them as a contact, else the first account); {@code tel:}/{@code callto:}
 * numbers go through the dial plan of the first account (accounts are sorted by address; with one account, that
 * one). A newer link replaces a question not yet answered.
 *
 * <p>Threading: UI thread; the accounts are read on the background executor.
 */
public final class LinkPromptViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LinkPromptViewModel.class);

    private final Parley parley;
    private final Async async;
    private final I18n i18n;
    private final Function<ConversationKey, String> names;
    private final Consumer<ConversationKey> caller;
    private final Consumer<ConversationKey> opener;
    private final ReadOnlyObjectWrapper<LinkPrompt> prompt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /**
     * @param names  display name of a peer (the contact list's)
     * @param caller starts a call (the live calls' {@code call})
     * @param opener opens the conversation
     */
    public LinkPromptViewModel(Parley parley, Async async, I18n i18n, Function<ConversationKey, String> names,
                               Consumer<ConversationKey> caller, Consumer<ConversationKey> opener) {
        this.parley = parley;
        this.async = async;
        this.i18n = i18n;
        this.names = names;
        this.caller = caller;
        this.opener = opener;
    }

    /** The question waiting for an answer, or null. */
    public ReadOnlyObjectProperty<LinkPrompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** One sentence when the latest link could not be used, else "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void offer(String link) {
        error.set("");
        DialRequest request = DialUri.parse(link);
        if (request instanceof DialRequest.Refused r) {
            LOG.info("link refused: {}", r.sentence());
            error.set(i18n.t("app.dial.refused." + r.reason().name()));
            return;
        }
        async.run(() -> parley.profile().accounts().list(), accounts -> resolve(request, accounts),
                e -> error.set(i18n.t("app.dial.noAccounts")));
    }

    /** The user's click on "Call". */
    public void call() {
        LinkPrompt p = take();
        if (p != null) {
            caller.accept(p.key());
        }
    }

    /** The user's click on "Chat". */
    public void chat() {
        LinkPrompt p = take();
        if (p != null) {
            opener.accept(p.key());
        }
    }

    public void cancel() {
        take();
    }

    private LinkPrompt take() {
        LinkPrompt p = prompt.get();
        prompt.set(null);
        return p;
    }

    private void resolve(DialRequest request, List<AccountRecord> accounts) {
        if (accounts.isEmpty()) {
            error.set(i18n.t("app.dial.noAccount"));
            return;
        }
        try {
            ConversationKey key = request instanceof DialRequest.Address a ? addressKey(a, accounts)
                    : numberKey((DialRequest.Number) request, AccountConfig.from(accounts.get(0)));
            String name = names.apply(key);
            String label = key.peerLabel();
            prompt.set(new LinkPrompt(key, name.equals(label) ? i18n.t("app.handoff.question.plain", label)
                    : i18n.t("app.handoff.question", name, label)));
        } catch (IllegalArgumentException e) {
            LOG.info("link not usable with the account: {}", e.getMessage());
            error.set(i18n.t("app.dial.refused.ADDRESS"));
        }
    }

    /** The account that knows the address as a contact, else the first. */
    private ConversationKey addressKey(DialRequest.Address a, List<AccountRecord> accounts) {
        for (AccountRecord account : accounts) {
            ConversationKey key = ConversationKey.of(account.aor(), a.address().toString());
            if (!names.apply(key).equals(key.peerLabel())) {
                return key;
            }
        }
        return ConversationKey.of(accounts.get(0).aor(), a.address().toString());
    }

    private static ConversationKey numberKey(DialRequest.Number n, AccountConfig account) {
        DialTarget target = DialTarget.of(n, account.dialPlan(), account.aor().host());
        return ConversationKey.of(account.id(), target.address().toString());
    }
}
