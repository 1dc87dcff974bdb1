package org.parley.ui.files;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.file.FileEnd;
import org.parley.app.file.FileOffer;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * The file transfers of this session, ours and theirs, as rows ({@link #transfers()}, oldest first), kept in step
 * with the core's {@link ParleyEvent.FileOffered}, {@link ParleyEvent.FileProgress} and
 * {@link ParleyEvent.FileEnded}; and the user's actions on them (send, accept, save as, decline, cancel). The
 * conversations show the rows of their peer.
 *
 * <p>Threading: UI thread only; core futures come back through {@link Async#onUi}.
 */
public final class FilesViewModel {
    /** How many past transfers a conversation shows. */
    public static final int HISTORY = 200;
    /** Events for transfer ids not known yet (ours, before the send's future is back); bounded. */
    private static final int EARLY_LIMIT = 64;
    private final Parley parley;
    private final Async async;
    private final Clock clock;
    private final Function<ConversationKey, Optional<String>> contactNames;
    private final Function<ConversationKey, String> names;
    private final TransferText text;
    private final ErrorText errors;
    private final ObservableList<TransferItem> transfers = FXCollections.observableArrayList();
    private final Map<String, TransferItem> byId = new HashMap<>();
    private final Map<String, List<ParleyEvent>> early = new HashMap<>();

    /**
     * @param contactNames the contact list's name for a peer, if it has one (for the identity warning)
     * @param names        how a peer is shown (contact name or address)
     */
    public FilesViewModel(Parley parley, Async async, I18n i18n, Clock clock,
                          Function<ConversationKey, Optional<String>> contactNames,
                          Function<ConversationKey, String> names) {
        this.parley = parley;
        this.async = async;
        this.clock = clock;
        this.contactNames = contactNames;
        this.names = names;
        this.text = new TransferText(i18n);
        this.errors = new ErrorText(i18n);
    }

    public ObservableList<TransferItem> transfers() {
        return transfers;
    }

    public TransferText text() {
        return text;
    }

    /** This session's rows with {@code key}'s peer, oldest first. */
    public List<TransferItem> of(ConversationKey key) {
        return transfers.stream().filter(t -> t.key().equals(key)).toList();
    }

    /**
     * Reads the stored transfers with {@code key}'s peer in the background and hands their rows (oldest first,
     * without those this session already shows) to {@code then} on the UI thread; {@code failed} gets the
     * sentence when the read fails.
     */
    public void loadPast(ConversationKey key, Consumer<List<TransferItem>> then, Consumer<String> failed) {
        async.run(() -> parley.profile().transfers().with(key.account(), key.peer(), HISTORY),
                records -> then.accept(PastTransfers.rows(key, records, of(key), text, names)),
                failure -> failed.accept(errors.of("error.loadTransfers", failure)));
    }

    /**
     * Offers {@code file} to the conversation's peer. The row appears at once ("preparing" while the core hashes
     * the file); if the core refuses the file (unreadable, policy) the row goes and {@code refused} gets the one
     * sentence to show.
     */
    public void send(ConversationKey key, Path file, Consumer<String> refused) {
        Path name = file.getFileName();
        TransferItem item = new TransferItem(key, true, name == null ? file.toString() : name.toString(), "", "", "",
                clock.instant(), false, TransferPhase.PREPARING);
        item.stateTextProperty().set(text.live(item, names.apply(key)));
        transfers.add(item);
        async.run(() -> java.nio.file.Files.size(file), size -> {
            if (item.sizeProperty().get() < 0) {
                showSize(item, size);
            }
        }, failure -> { }); // the core's refusal below says why
        async.onUi(parley.sendFile(key.account(), key.peer(), file), id -> started(item, id), failure -> {
            transfers.remove(item);
            refused.accept(errors.of("error.sendFile", failure));
        });
    }

    /** Accepts into the downloads folder. */
    public void accept(TransferItem item) {
        acceptInto(item, Optional.empty());
    }

    /** Accepts into a folder the user chose. */
    public void acceptInto(TransferItem item, Path directory) {
        acceptInto(item, Optional.of(directory));
    }

    private void acceptInto(TransferItem item, Optional<Path> directory) {
        if (item.phaseProperty().get() != TransferPhase.OFFERED || item.busyProperty().get()) {
            return;
        }
        item.busyProperty().set(true);
        async.onUi(parley.acceptFile(item.transferIdProperty().get(), directory), ok -> {
            item.busyProperty().set(false);
            if (item.phaseProperty().get() == TransferPhase.OFFERED) {
                phase(item, TransferPhase.WAITING);
            }
        }, failure -> {
            item.busyProperty().set(false);
            if (item.phaseProperty().get() != TransferPhase.ENDED) {
                ended(item, "failed", errors.of("error.acceptFile", failure));
            }
        });
    }

    /**
     * Asks for the rest of a file whose connection broke: the row goes on under the new transfer id (the core
     * answers with it, and {@link ParleyEvent.FileResumed} says the same).
     */
    public void resume(TransferItem item) {
        if (!item.canResume().get()) {
            return;
        }
        item.busyProperty().set(true);
        String previous = item.transferIdProperty().get();
        async.onUi(parley.resumeFile(previous), id -> {
            item.busyProperty().set(false);
            continued(item, id);
        }, failure -> {
            item.busyProperty().set(false);
            item.stateTextProperty().set(errors.of("error.resumeFile", failure));
        });
    }

    /** The row of a broken transfer follows its continuation {@code id}. */
    private void continued(TransferItem item, String id) {
        if (byId.get(id) == item) {
            return;
        }
        byId.put(id, item);
        item.transferIdProperty().set(id);
        item.outcomeProperty().set("");
        item.speed.reset();
        phase(item, TransferPhase.RUNNING);
        List<ParleyEvent> waiting = early.remove(id);
        if (waiting != null) {
            waiting.forEach(this::onEvent);
        }
    }

    /** Declines an offer (the core answers 603; the end arrives as an event). */
    public void decline(TransferItem item) {
        if (item.phaseProperty().get() == TransferPhase.OFFERED && !item.busyProperty().get()) {
            item.busyProperty().set(true);
            parley.cancelFile(item.transferIdProperty().get());
        }
    }

    /** Cancels a transfer under way, ours or theirs; ours while still preparing is cancelled once it has an id. */
    public void cancel(TransferItem item) {
        if (!item.canCancel().get()) {
            return;
        }
        item.busyProperty().set(true);
        if (item.transferIdProperty().get().isEmpty()) {
            item.cancelWanted = true;
        } else {
            parley.cancelFile(item.transferIdProperty().get());
        }
    }

    /**
     * Applies a file event.
     *
     * @return the new row when the event is an offer (the caller brings its conversation forward)
     */
    public Optional<TransferItem> onEvent(ParleyEvent event) {
        if (event instanceof ParleyEvent.FileOffered o) {
            return Optional.of(offered(o.offer()));
        }
        if (event instanceof ParleyEvent.FileResumed r) {
            TransferItem item = byId.get(r.previousTransferId());
            if (item != null) {
                continued(item, r.transferId());
            }
            return Optional.empty();
        }
        if (event instanceof ParleyEvent.FileProgress p) {
            TransferItem item = byId.get(p.transferId());
            if (item == null) {
                keepEarly(p.transferId(), event);
            } else {
                progress(item, p.bytes(), p.total());
            }
        } else if (event instanceof ParleyEvent.FileEnded e) {
            TransferItem item = byId.get(e.transferId());
            if (item != null) {
                end(item, e.end());
            } else if (e.outgoing() && transfers.stream().anyMatch(t -> t.transferIdProperty().get().isEmpty())) {
                keepEarly(e.transferId(), event); // one of ours whose id is not back yet
            } else {
                unannounced(e);
            }
        }
        return Optional.empty();
    }

    private TransferItem offered(FileOffer offer) {
        ConversationKey key = key(offer.account(), offer.from());
        Optional<String> contact = contactNames.apply(key);
        String claimed = offer.displayName() == null ? "" : offer.displayName().strip();
        String sender = contact.orElse(claimed.isEmpty() ? key.peerLabel() : claimed);
        TransferItem item = new TransferItem(key, false, offer.name(), offer.type(), sender,
                text.warning(claimed, contact.orElse("")), clock.instant(), false, TransferPhase.OFFERED);
        item.transferIdProperty().set(offer.transferId());
        item.sha256Property().set(offer.sha256());
        showSize(item, offer.size());
        item.stateTextProperty().set(text.live(item, names.apply(key)));
        byId.put(offer.transferId(), item);
        transfers.add(item);
        return item;
    }

    private void started(TransferItem item, String id) {
        item.transferIdProperty().set(id);
        byId.put(id, item);
        if (item.phaseProperty().get() == TransferPhase.PREPARING) {
            phase(item, TransferPhase.WAITING);
        }
        if (item.cancelWanted) {
            parley.cancelFile(id);
        }
        List<ParleyEvent> waiting = early.remove(id);
        if (waiting != null) {
            waiting.forEach(this::onEvent);
        }
    }

    private void progress(TransferItem item, long bytes, long total) {
        if (item.phaseProperty().get() == TransferPhase.ENDED) {
            return;
        }
        if (total >= 0 && item.sizeProperty().get() != total) {
            showSize(item, total);
        }
        item.speed.add(clock.millis(), bytes);
        item.progressProperty().set(total > 0 ? Math.min(1.0, (double) bytes / total) : total == 0 ? 1.0 : -1);
        item.progressTextProperty().set(text.progress(bytes, total));
        item.speedTextProperty().set(item.speed.bytesPerSecond().stream().mapToObj(text::speed).findFirst()
                .orElse(""));
        if (item.phaseProperty().get() != TransferPhase.RUNNING) {
            item.phaseProperty().set(TransferPhase.RUNNING);
        }
        item.stateTextProperty().set(total >= 0 && bytes >= total ? text.verifying(item.outgoing())
                : text.live(item, names.apply(item.key())));
    }

    private void end(TransferItem item, FileEnd end) {
        if (item.phaseProperty().get() == TransferPhase.ENDED) {
            return;
        }
        if (end instanceof FileEnd.Done done) {
            if (!done.sha256().isEmpty()) {
                item.sha256Property().set(done.sha256());
            }
            if (!item.outgoing()) {
                done.saved().ifPresent(item.savedProperty()::set);
            }
            item.progressProperty().set(1.0);
        }
        ended(item, end.code(), text.end(end, item.outgoing()));
    }

    private void ended(TransferItem item, String code, String sentence) {
        item.endedAt = clock.instant();
        item.outcomeProperty().set(code);
        item.stateTextProperty().set(sentence);
        item.speedTextProperty().set("");
        item.busyProperty().set(false);
        item.phaseProperty().set(TransferPhase.ENDED);
    }

    /** An end without an offer before it (a policy refusal of theirs): a row that says so. */
    private void unannounced(ParleyEvent.FileEnded e) {
        ConversationKey key = key(e.account(), e.peer());
        TransferItem item = new TransferItem(key, e.outgoing(), e.name(), "", e.outgoing() ? "" : names.apply(key),
                "", clock.instant(), false, TransferPhase.WAITING);
        item.transferIdProperty().set(e.transferId());
        byId.put(e.transferId(), item);
        end(item, e.end());
        transfers.add(item);
    }

    private void phase(TransferItem item, TransferPhase phase) {
        item.phaseProperty().set(phase);
        item.stateTextProperty().set(text.live(item, names.apply(item.key())));
    }

    private void showSize(TransferItem item, long size) {
        item.sizeProperty().set(size);
        item.sizeTextProperty().set(size < 0 ? "" : text.size(size));
    }

    private void keepEarly(String id, ParleyEvent event) {
        if (early.size() < EARLY_LIMIT || early.containsKey(id)) {
            early.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(event);
        }
    }

    static ConversationKey key(String account, String peer) {
        try {
            return ConversationKey.of(account, peer);
        } catch (IllegalArgumentException e) {
            return new ConversationKey(account, peer);
        }
    }
}
