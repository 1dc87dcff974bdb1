package org.parley.ui.chat;

import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.storage.DeliveryState;
import org.parley.storage.Direction;
import org.parley.storage.MessageRecord;

/** One message row. Text and time are fixed; the delivery state changes as the core reports. UI thread only. */
public final class MessageItem {
    private final long id;
    private final Direction direction;
    private final String text;
    private final Instant at;
    private final ObjectProperty<DeliveryState> state = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");

    public MessageItem(long id, Direction direction, String text, Instant at, DeliveryState state, String reason) {
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
