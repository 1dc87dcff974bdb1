package org.parley.ui.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.storage.DeliveryState;
import org.parley.storage.MessageRecord;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;
import org.parley.ui.files.FilesViewModel;
import org.parley.ui.files.TransferItem;

/**
 * One open conversation: a window onto the history that grows upwards page by page ({@link #loadOlder()}),
 * so a conversation of any length opens with one small read. Oldest message first in {@link #messages()}.
 * Also the composer's draft, the peer's typing indicator and mute. File transfers are rows of the same list
 * ({@link MessageItem#transfer()}), placed by time ({@link TransferRows}).
 *
 * <p>Threading: UI thread only. History pages are read on the calling thread (one indexed page is fast);
 * sending goes through the core and comes back via {@link Async#onUi}.
 */
public final class ConversationViewModel {
    public static final int PAGE = 60;

    private final ConversationKey key;
    private final Parley parley;
    private final Async async;
    private final ErrorText errors;
    private final ObservableList<MessageItem> messages = FXCollections.observableArrayList();
    private final Map<Long, MessageItem> byId = new HashMap<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty draft = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper peerTyping = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final TransferRows transfers = new TransferRows(messages);
    private FilesViewModel files;
    private boolean composing;
    private boolean restoring;

    public ConversationViewModel(ConversationKey key, Parley parley, Async async, I18n i18n) {
        this.key = key;
        this.parley = parley;
        this.async = async;
        this.errors = new ErrorText(i18n);
        draft.addListener((o, before, now) -> composingChanged(now));
    }

    public ConversationKey key() {
        return key;
    }

    public ObservableList<MessageItem> messages() {
        return messages;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyBooleanProperty peerTypingProperty() {
        return peerTyping.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Prepends the next older page (and the transfers it reaches).
     *
     * @return how many rows were added above the previous top row (0 when the start of the history is reached)
     */
    public int loadOlder() {
        if (!hasOlder.get()) {
            return 0;
        }
        MessageItem top = messages.isEmpty() ? null : messages.get(0);
        long before = messages.stream().filter(m -> m.transfer().isEmpty()).mapToLong(MessageItem::id).findFirst()
                .orElse(Long.MAX_VALUE);
        List<MessageRecord> page;
        try {
            page = parley.profile().history().conversation(key.account(), key.peer(), before, PAGE);
        } catch (Exception e) {
            error.set(errors.of("error.loadHistory", e));
            return 0;
        }
        if (page.size() < PAGE) {
            hasOlder.set(false);
        }
        List<MessageItem> older = new ArrayList<>(page.size());
        for (MessageRecord r : page) {
            if (!byId.containsKey(r.id())) {
                MessageItem item = MessageItem.of(r);
                byId.put(r.id(), item);
                older.add(item);
            }
        }
        Collections.reverse(older);
        messages.addAll(0, older);
        transfers.place(!hasOlder.get());
        return top == null ? messages.size() : messages.indexOf(top);
    }

    /**
     * Shows file transfers: this session's rows with the peer now and as they come (through
     * {@link ChatsViewModel}), and the stored ones once read in the background. Sending files needs it.
     */
    void attach(FilesViewModel files) {
        this.files = files;
        showTransfers(files.of(key));
        files.loadPast(key, this::showTransfers, error::set);
    }

    void showTransfers(List<TransferItem> shown) {
        transfers.add(shown, !hasOlder.get());
    }

    void hideTransfer(TransferItem transfer) {
        transfers.remove(transfer);
    }

    /** The file actions, once transfers are attached. */
    public Optional<FilesViewModel> files() {
        return Optional.ofNullable(files);
    }

    /** Offers each file to the peer; a refused one puts its sentence in the error line. */
    public void sendFiles(List<java.nio.file.Path> chosen) {
        if (files == null || chosen.isEmpty()) {
            return;
        }
        error.set("");
        chosen.forEach(f -> files.send(key, f, error::set));
    }

    /** Puts a kept draft back without telling the peer that the user is typing. */
    public void restoreDraft(String text) {
        restoring = true;
        try {
            draft.set(text);
        } finally {
            restoring = false;
        }
    }

    /** Sends the draft (trimmed of trailing newlines); clears it once the core has queued the message. */
    public void send() {
        String text = draft.get().strip();
        if (text.isEmpty()) {
            return;
        }
        composing = false;
        draft.set("");
        sendText(text, () -> draft.set(text));
    }

    /** Sends the text of a failed message again (a new message; the failed one stays as it was). */
    public void retry(MessageItem failed) {
        sendText(failed.text(), () -> { });
    }

    private void sendText(String text, Runnable restore) {
        error.set("");
        async.onUi(parley.send(key.account(), key.peer(), text), this::add, e -> {
            restore.run();
            error.set(errors.of("error.send", e));
        });
    }

    /** A new incoming message (core event). */
    public void onReceived(ParleyEvent.MessageReceived event) {
        peerTyping.set(false);
        if (!byId.containsKey(event.id())) {
            MessageItem item = new MessageItem(event.id(), org.parley.storage.Direction.IN, event.text(), event.at(),
                    DeliveryState.RECEIVED, null);
            byId.put(item.id(), item);
            messages.add(item);
        }
    }

    /** An outgoing message changed state (core event). Unknown ids (sent elsewhere) are read from history. */
    public void onStateChanged(ParleyEvent.MessageStateChanged event) {
        MessageItem item = byId.get(event.id());
        if (item == null) {
            Optional<MessageRecord> record = find(event.id());
            record.ifPresent(this::add);
            item = byId.get(event.id());
        }
        if (item != null) {
            item.stateProperty().set(event.state());
            item.reasonProperty().set(event.reason() == null ? "" : event.reason());
        }
    }

    public void onTyping(ParleyEvent.TypingChanged event) {
        peerTyping.set(event.active());
    }

    private void add(MessageRecord record) {
        if (byId.containsKey(record.id())) {
            return;
        }
        MessageItem item = MessageItem.of(record);
        byId.put(record.id(), item);
        messages.add(item);
    }

    private Optional<MessageRecord> find(long id) {
        try {
            return parley.profile().history().find(id);
        } catch (Exception e) {
            error.set(errors.of("error.loadHistory", e));
            return Optional.empty();
        }
    }

    private void composingChanged(String now) {
        boolean typing = now != null && !now.isBlank();
        if (!restoring && (typing || composing)) {
            composing = typing;
            try {
                parley.setComposing(key.account(), key.peer(), typing);
            } catch (IllegalArgumentException e) {
                error.set(errors.of("error.send", e));
            }
        }
    }
}
