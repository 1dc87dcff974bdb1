package org.parley.ui.chat;

import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.storage.DeliveryState;
import org.parley.storage.Direction;
import org.parley.storage.MessageRecord;
import org.parley.ui.files.TransferItem;

/**
 * One row of a conversation: a message, or a file transfer ({@link #transfer()}, whose row has no message id and
 * no delivery state). A message's text and time are fixed; its delivery state changes as the core reports.
 * UI thread only.
 */
public final class MessageItem {
    private final long id;
    private final Direction direction;
    private final String text;
    private final Instant at;
    private final ObjectProperty<DeliveryState> state = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final TransferItem transfer;

    public MessageItem(long id, Direction direction, String text, Instant at, DeliveryState state, String reason) {
        this(id, direction, text, at, state, reason, null);
    }

    private MessageItem(long id, Direction direction, String text, Instant at, DeliveryState state, String reason,
                        TransferItem transfer) {
        this.transfer = transfer;
        this.id = id;
        this.direction = direction;
        this.text = text;
        this.at = at;
        this.state.set(state);
        this.reason.set(reason == null ? "" : reason);
    }

    public static MessageItem of(MessageRecord r) {
        return new MessageItem(r.id(), r.direction(), r.body(), r.createdAt(), r.state(), r.stateReason());
    }

    /** The row of a file transfer: its name as text, its start (or, from the history, its end) as time. */
    public static MessageItem of(TransferItem t) {
        return new MessageItem(-1, t.outgoing() ? Direction.OUT : Direction.IN, t.name(), t.at(), null, null, t);
    }

    /** The transfer this row shows, if it is a transfer's row. */
    public Optional<TransferItem> transfer() {
        return Optional.ofNullable(transfer);
    }

    /** The message's id; -1 for a transfer's row. */
    public long id() {
        return id;
    }

    public Direction direction() {
        return direction;
    }

    public boolean outgoing() {
        return direction == Direction.OUT;
    }

    public String text() {
        return text;
    }

    public Instant at() {
        return at;
    }

    public ObjectProperty<DeliveryState> stateProperty() {
        return state;
    }

    public StringProperty reasonProperty() {
        return reason;
    }
}
