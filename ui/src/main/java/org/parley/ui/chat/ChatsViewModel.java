package org.parley.ui.chat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.storage.PreferenceStore;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;
import org.parley.ui.files.FilesViewModel;
import org.parley.ui.files.TransferItem;

/**
 * The open conversations (one tab each) and what outlives a tab: drafts and mute, per conversation. Both are
 * kept in the encrypted profile ({@link PreferenceStore}, keys {@code draft/ACCOUNT PEER} and
 * {@code mute/ACCOUNT PEER}): a mute change is written at once, a draft when its tab is closed or left, and
 * every open tab's draft by {@link #savingDrafts()} at shutdown. Routes message and typing events to the open
 * conversation they belong to.
 *
 * <p>Threading: UI thread only; preference writes run on the {@link Async} background executor, in order.
 */
public final class ChatsViewModel {
    static final String DRAFT = "draft/";
    static final String MUTE = "mute/";
    private final Parley parley;
    private final Async async;
    private final I18n i18n;
    private final Function<ConversationKey, String> names;
    private final ObservableList<ConversationViewModel> open = FXCollections.observableArrayList();
    private final ObjectProperty<ConversationViewModel> selected = new SimpleObjectProperty<>();
    private final Map<ConversationKey, String> drafts = new HashMap<>();
    private final Set<ConversationKey> muted = new HashSet<>();
    private final ErrorText errors;
    private FilesViewModel files;
    /** The latest queued preference write; the next one starts after it. */
    private java.util.concurrent.CompletableFuture<Void> writes = java.util.concurrent.CompletableFuture.completedFuture(null);

    /** @param names display name of a conversation's peer (contact name or address) */
    public ChatsViewModel(Parley parley, Async async, I18n i18n, Function<ConversationKey, String> names) {
        this.parley = parley;
        this.async = async;
        this.i18n = i18n;
        this.names = names;
        this.errors = new ErrorText(i18n);
        selected.addListener((o, before, now) -> {
            if (before != null && open.contains(before)) {
                keepDraft(before);
            }
        });
    }

    /**
     * Reads the kept drafts and mutes from the profile. Call once before tabs are opened; a failure is logged and
     * leaves both empty (drafts are a convenience, never a reason to block the app).
     */
    public void load() {
        async.run(() -> {
            PreferenceStore prefs = parley.profile().preferences();
            return new Kept(prefs.withPrefix(DRAFT), prefs.withPrefix(MUTE));
        }, kept -> {
            kept.drafts().forEach((k, v) -> decode(k, DRAFT).ifPresent(key -> drafts.putIfAbsent(key, v)));
            kept.mutes().keySet().forEach(k -> decode(k, MUTE).ifPresent(muted::add));
            open.forEach(c -> c.mutedProperty().set(muted.contains(c.key())));
        }, failure -> errors.of("error.loadDrafts", failure));
    }

    public ObservableList<ConversationViewModel> open() {
        return open;
    }

    public ObjectProperty<ConversationViewModel> selectedProperty() {
        return selected;
    }

    /** Opens (or selects) the conversation; a new one shows its newest page. */
    public ConversationViewModel open(ConversationKey key) {
        ConversationViewModel vm = find(key).orElseGet(() -> {
            ConversationViewModel created = new ConversationViewModel(key, parley, async, i18n);
            created.titleProperty().set(names.apply(key));
            created.restoreDraft(drafts.getOrDefault(key, ""));
            created.mutedProperty().set(muted.contains(key));
            created.mutedProperty().addListener((o, a, now) -> {
                if (now ? muted.add(key) : muted.remove(key)) {
                    String pref = encode(MUTE, key);
                    write(prefs -> {
                        if (now) {
                            prefs.put(pref, "true");
                        } else {
                            prefs.remove(pref);
                        }
                    });
                }
            });
            created.loadOlder();
            if (files != null) {
                created.attach(files);
            }
            open.add(created);
            return created;
        });
        selected.set(vm);
        return vm;
    }

    /**
     * Opens the conversation as a tab without taking the front from the one there (a file offer must be
     * visible, but must not pull the user out of another chat).
     */
    public ConversationViewModel reveal(ConversationKey key) {
        ConversationViewModel front = selected.get();
        ConversationViewModel vm = open(key);
        if (front != null && front != vm && open.contains(front)) {
            selected.set(front);
        }
        return vm;
    }

    /** Shows file transfers in the conversations: each open one gets its peer's rows, now and as they come. */
    public void follow(FilesViewModel transfers) {
        this.files = transfers;
        transfers.transfers().addListener((ListChangeListener<TransferItem>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(t -> find(t.key()).ifPresent(v -> v.hideTransfer(t)));
                c.getAddedSubList().forEach(t -> find(t.key()).ifPresent(v -> v.showTransfers(List.of(t))));
            }
        });
        open.forEach(c -> c.attach(transfers));
    }

    /** Closes a tab; its draft is kept for when it is opened again. */
    public void close(ConversationViewModel vm) {
        keepDraft(vm);
        open.remove(vm);
    }

    /**
     * The open tabs' drafts as one blocking write, for the shutdown path: run it off the UI thread before the
     * profile closes. Takes its snapshot now, on the UI thread.
     */
    public Runnable savingDrafts() {
        open.forEach(this::remember);
        Map<ConversationKey, String> snapshot = new HashMap<>(drafts);
        Set<ConversationKey> keys = new HashSet<>();
        open.forEach(c -> keys.add(c.key()));
        java.util.concurrent.CompletableFuture<Void> queued = writes;
        return () -> {
            queued.handle((ok, failure) -> null).join();
            try {
                PreferenceStore prefs = parley.profile().preferences();
                for (ConversationKey key : keys) {
                    String text = snapshot.get(key);
                    if (text == null) {
                        prefs.remove(encode(DRAFT, key));
                    } else {
                        prefs.put(encode(DRAFT, key), text);
                    }
                }
            } catch (Exception e) {
                errors.of("error.saveDraft", e);
            }
        };
    }

    public Optional<ConversationViewModel> find(ConversationKey key) {
        return open.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public boolean isMuted(ConversationKey key) {
        return muted.contains(key);
    }

    /** The conversation shown in front, if any. */
    public Optional<ConversationKey> selectedKey() {
        return Optional.ofNullable(selected.get()).map(ConversationViewModel::key);
    }

    public void onEvent(ParleyEvent event) {
        if (event instanceof ParleyEvent.MessageReceived m) {
            find(key(m.account(), m.from())).ifPresent(c -> c.onReceived(m));
        } else if (event instanceof ParleyEvent.MessageStateChanged s) {
            find(key(s.account(), s.to())).ifPresent(c -> c.onStateChanged(s));
        } else if (event instanceof ParleyEvent.TypingChanged t) {
            find(key(t.account(), t.peer())).ifPresent(c -> c.onTyping(t));
        }
    }

    /** Renames open tabs after the contact list changed. */
    public void refreshTitles() {
        open.forEach(c -> c.titleProperty().set(names.apply(c.key())));
    }

    /** Remembers the tab's draft and writes it if it changed. */
    private void keepDraft(ConversationViewModel vm) {
        if (!remember(vm)) {
            return;
        }
        String pref = encode(DRAFT, vm.key());
        String text = drafts.get(vm.key());
        write(prefs -> {
            if (text == null) {
                prefs.remove(pref);
            } else {
                prefs.put(pref, text);
            }
        });
    }

    /** @return true if the kept draft changed */
    private boolean remember(ConversationViewModel vm) {
        String text = vm.draftProperty().get();
        String before = text.isBlank() ? drafts.remove(vm.key()) : drafts.put(vm.key(), text);
        return text.isBlank() ? before != null : !text.equals(before);
    }

    /** Queues a preference write behind the previous one (the background executor has several threads). */
    private void write(PrefWrite change) {
        writes = writes.handle((ok, earlier) -> null).thenRunAsync(() -> {
            try {
                change.apply(parley.profile().preferences());
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, async.background());
        writes.whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                errors.of("error.saveDraft", Async.unwrap(failure));
            }
        }, async.ui());
    }

    @FunctionalInterface
    private interface PrefWrite {
        void apply(PreferenceStore prefs) throws Exception;
    }

    private record Kept(Map<String, String> drafts, Map<String, String> mutes) {
    }

    static String encode(String namespace, ConversationKey key) {
        return namespace + key.account() + " " + key.peer();
    }

    static Optional<ConversationKey> decode(String pref, String namespace) {
        String rest = pref.substring(namespace.length());
        int space = rest.indexOf(' ');
        return space <= 0 ? Optional.empty()
                : Optional.of(new ConversationKey(rest.substring(0, space), rest.substring(space + 1)));
    }

    private static ConversationKey key(String account, String peer) {
        try {
            return ConversationKey.of(account, peer);
        } catch (IllegalArgumentException e) {
            return new ConversationKey(account, peer);
        }
    }
}
