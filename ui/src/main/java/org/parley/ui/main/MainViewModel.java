package org.parley.ui.main;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.ui.accounts.AccountItem;
import org.parley.ui.accounts.AccountsViewModel;
import org.parley.ui.calls.CallHistoryViewModel;
import org.parley.ui.calls.CallsViewModel;
import org.parley.ui.chat.ChatsViewModel;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;
import org.parley.ui.contacts.ContactListViewModel;
import org.parley.ui.files.FilesViewModel;
import org.parley.ui.files.OfferNotice;
import org.parley.ui.files.TransferItem;
import org.parley.ui.notify.NotificationPolicy;
import org.parley.ui.notify.Notifier;
import org.parley.ui.presence.PresenceViewModel;
import org.parley.ui.search.SearchViewModel;
import org.parley.ui.settings.SettingsViewModel;

/**
 * The main window's state: accounts, contacts, open chats, search, and how core events reach them. Owns the
 * unread rule: a message counts as unread unless its conversation is in front of a focused window.
 *
 * <p>Threading: UI thread only; {@link #onEvent} is the listener the composition root registers with
 * {@code Platform::runLater} as executor.
 */
public final class MainViewModel {
    private final Parley parley;
    private final AccountsViewModel accounts;
    private final ContactListViewModel contacts;
    private final ChatsViewModel chats;
    private final PresenceViewModel presence;
    private final org.parley.ui.presence.WatchersViewModel watchers;
    /** Idle time after which "available" turns into "away" by itself. */
    static final java.time.Duration IDLE_AFTER = java.time.Duration.ofMinutes(10);
    private final SearchViewModel search;
    private final CallHistoryViewModel calls;
    private final CallsViewModel liveCalls;
    private final SettingsViewModel settings;
    private final NotificationPolicy notifications;
    private final org.parley.ui.handoff.LinkPromptViewModel links;
    private final FilesViewModel files;
    private final OfferNotice offers;
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final StringProperty status = new SimpleStringProperty("");

    public MainViewModel(Parley parley, Async async, I18n i18n, Notifier notifier, SettingsViewModel settings) {
        this.parley = parley;
        this.settings = settings;
        this.accounts = new AccountsViewModel(parley, async, i18n);
        this.contacts = new ContactListViewModel(parley.profile(), async, i18n, parley::contactsChanged);
        this.presence = new PresenceViewModel(parley, async, i18n, IDLE_AFTER);
        this.watchers = new org.parley.ui.presence.WatchersViewModel(parley, async, i18n);
        this.chats = new ChatsViewModel(parley, async, i18n, contacts::nameOf);
        this.search = new SearchViewModel(parley.profile().history(), async, i18n, contacts::nameOf, this::open);
        this.calls = new CallHistoryViewModel(parley.profile().calls(), async, i18n, contacts::nameOf, this::open);
        settings.calls().connect(parley);
        this.liveCalls = new CallsViewModel(parley, async, i18n, contacts::nameOf, settings.calls()::devices);
        this.notifications = new NotificationPolicy(notifier, i18n, windowFocused::get,
                // Do-not-disturb silences message notifications (messages still arrive and count as unread).
                () -> settings.notificationsProperty().get() && !presence.isDoNotDisturb(), chats::isMuted,
                contacts::nameOf, this::open);
        this.links = new org.parley.ui.handoff.LinkPromptViewModel(parley, async, i18n, contacts::nameOf,
                liveCalls::call, this::open);
        this.files = new FilesViewModel(parley, async, i18n, java.time.Clock.systemUTC(),
                key -> contacts.find(key).filter(c -> c.savedProperty().get()).map(c -> c.nameProperty().get())
                        .filter(n -> !n.isBlank()), contacts::nameOf);
        chats.follow(files);
        this.offers = new OfferNotice(notifier, i18n, windowFocused::get,
                () -> settings.notificationsProperty().get() && !presence.isDoNotDisturb(), chats::isMuted, this::open);
        chats.selectedProperty().addListener((o, a, now) -> markSelectedRead());
        windowFocused.addListener((o, a, now) -> markSelectedRead());
        accounts.accounts().addListener((ListChangeListener<AccountItem>) c -> reloadContacts());
        for (var error : List.of(accounts.errorProperty(), contacts.errorProperty(), settings.errorProperty(),
                watchers.errorProperty())) {
            error.addListener((o, a, now) -> {
                if (now != null && !now.isEmpty()) {
                    status.set(now);
                }
            });
        }
    }

    /** Reads accounts (and then contacts), drafts, mutes and recent calls. Call once the window is up. */
    public void start() {
        chats.load();
        presence.load(java.time.Instant.now());
        accounts.refresh();
        calls.refresh();
    }

    public void onEvent(ParleyEvent event) {
        if (event instanceof ParleyEvent.RegistrationChanged r) {
            accounts.onRegistration(r);
            return;
        }
        if (event instanceof ParleyEvent.PresenceChanged p) {
            contacts.onPresence(p);
            return;
        }
        if (event instanceof ParleyEvent.WatchersChanged w) {
            watchers.onWatchers(w);
            return;
        }
        if (event instanceof ParleyEvent.CallEnded) {
            liveCalls.onEvent(event);
            calls.onCallEnded();
            return;
        }
        if (event instanceof ParleyEvent.CallIncoming || event instanceof ParleyEvent.CallStateChanged
                || event instanceof ParleyEvent.DtmfReceived) {
            liveCalls.onEvent(event);
            return;
        }
        if (event instanceof ParleyEvent.FileOffered || event instanceof ParleyEvent.FileProgress
                || event instanceof ParleyEvent.FileEnded) {
            files.onEvent(event).ifPresent(this::offered);
            return;
        }
        if (event instanceof ParleyEvent.WatcherApprovalNeeded a) {
            watchers.onApprovalNeeded(a);
            return;
        }
        chats.onEvent(event);
        if (event instanceof ParleyEvent.MessageReceived m) {
            ConversationKey key = key(m.account(), m.from());
            contacts.ensure(key);
            boolean inFront = windowFocused.get() && chats.selectedKey().filter(key::equals).isPresent();
            if (!inFront) {
                contacts.countUnread(key);
            }
            notifications.onReceived(key, m);
        }
    }

    /** A file offer: its conversation opens as a tab (not in front) and counts it unread, as a message would. */
    private void offered(TransferItem offer) {
        ConversationKey key = offer.key();
        contacts.ensure(key);
        chats.reveal(key);
        if (!windowFocused.get() || chats.selectedKey().filter(key::equals).isEmpty()) {
            contacts.countUnread(key);
        }
        offers.onOffered(offer);
    }

    /** Opens the conversation in a tab, selects it and clears its unread counter. */
    public void open(ConversationKey key) {
        contacts.ensure(key);
        chats.open(key);
        contacts.markRead(key);
    }

    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    /** The latest error sentence for the status bar, or "". */
    public StringProperty statusProperty() {
        return status;
    }

    public Parley parley() {
        return parley;
    }

    public AccountsViewModel accounts() {
        return accounts;
    }

    public ContactListViewModel contacts() {
        return contacts;
    }

    public ChatsViewModel chats() {
        return chats;
    }

    public PresenceViewModel presence() {
        return presence;
    }

    public org.parley.ui.presence.WatchersViewModel watchers() {
        return watchers;
    }

    public SearchViewModel search() {
        return search;
    }

    /** Recent calls; {@link CallHistoryViewModel#onCallEnded} reloads them. */
    public CallHistoryViewModel calls() {
        return calls;
    }

    /** Calls going on now (and just ended); their windows follow it. */
    public CallsViewModel liveCalls() {
        return liveCalls;
    }

    /** Questions asked because of a {@code sip:}/{@code tel:} link; links reach it through {@code offer}. */
    public org.parley.ui.handoff.LinkPromptViewModel links() {
        return links;
    }

    /** This session's file transfers; the conversations show them. */
    public FilesViewModel files() {
        return files;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public List<String> accountIds() {
        return accounts.accounts().stream().map(AccountItem::id).toList();
    }

    private void reloadContacts() {
        contacts.load(accountIds());
        chats.refreshTitles();
    }

    private void markSelectedRead() {
        if (windowFocused.get()) {
            chats.selectedKey().ifPresent(contacts::markRead);
        }
    }

    private static ConversationKey key(String account, String peer) {
        try {
            return ConversationKey.of(account, peer);
        } catch (IllegalArgumentException e) {
            return new ConversationKey(account, peer);
        }
    }
}
