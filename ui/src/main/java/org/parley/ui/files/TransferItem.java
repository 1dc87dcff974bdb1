package org.parley.ui.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.ui.common.ConversationKey;

/**
 * One file transfer as a conversation row: what is transferred (fixed) and how far it got (properties the
 * {@link FilesViewModel} updates from core events). Rows read from the history ({@link #past()}) are ended from
 * the start and offer no actions. UI thread only.
 */
public final class TransferItem {
    private final ConversationKey key;
    private final boolean outgoing;
    private final String name;
    private final String type;
    private final String sender;
    private final String warning;
    private final Instant at;
    private final boolean past;
    private final StringProperty transferId = new SimpleStringProperty("");
    private final LongProperty size = new SimpleLongProperty(-1);
    private final StringProperty sha256 = new SimpleStringProperty("");
    private final ObjectProperty<TransferPhase> phase = new SimpleObjectProperty<>();
    /** 0..1, or -1 while unknown (the bar shows "indeterminate"). */
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty sizeText = new SimpleStringProperty("");
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty speedText = new SimpleStringProperty("");
    private final StringProperty stateText = new SimpleStringProperty("");
    /** The core's end code ("done", "declined", …) once ended, else "". */
    private final StringProperty outcome = new SimpleStringProperty("");
    private final ObjectProperty<Path> saved = new SimpleObjectProperty<>();
    /** An action was sent to the core and its answer is awaited: the buttons wait too. */
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    final SpeedMeter speed = new SpeedMeter();
    /** Ours, asked to cancel before the core named the transfer: cancelled once it does. */
    boolean cancelWanted;
    /** When this session saw it end (null before): matches it to its history record. */
    Instant endedAt;

    /**
     * @param sender  who offers the file as shown (contact name, claimed name or address); "" for ours
     * @param warning the sender-identity warning, or ""
     */
    TransferItem(ConversationKey key, boolean outgoing, String name, String type, String sender, String warning,
                 Instant at, boolean past, TransferPhase phase) {
        this.key = key;
        this.outgoing = outgoing;
        this.name = name;
        this.type = type;
        this.sender = sender;
        this.warning = warning;
        this.at = at;
        this.past = past;
        this.phase.set(phase);
    }

    public ConversationKey key() {
        return key;
    }

    public boolean outgoing() {
        return outgoing;
    }

    public String name() {
        return name;
    }

    /** The offered media type, "" when not known (ours, history). */
    public String type() {
        return type;
    }

    public String sender() {
        return sender;
    }

    public String warning() {
        return warning;
    }

    /** When the row began: the offer or the send (live rows), the end (history rows). */
    public Instant at() {
        return at;
    }

    public boolean past() {
        return past;
    }

    public StringProperty transferIdProperty() {
        return transferId;
    }

    /** Bytes offered, -1 while not known. */
    public LongProperty sizeProperty() {
        return size;
    }

    public StringProperty sha256Property() {
        return sha256;
    }

    public ObjectProperty<TransferPhase> phaseProperty() {
        return phase;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** "10.0 MB", "" while not known. */
    public StringProperty sizeTextProperty() {
        return sizeText;
    }

    /** "3.2 MB of 10 MB", "" when there is nothing to count. */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty speedTextProperty() {
        return speedText;
    }

    public StringProperty stateTextProperty() {
        return stateText;
    }

    public StringProperty outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<Path> savedProperty() {
        return saved;
    }

    public Optional<Path> saved() {
        return Optional.ofNullable(saved.get());
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Accept, Save as… and Decline apply. */
    public BooleanBinding canAccept() {
        return Bindings.createBooleanBinding(() -> phase.get() == TransferPhase.OFFERED && !busy.get(), phase, busy);
    }

    /** Cancel applies (ours before it ends, theirs once accepted). */
    public BooleanBinding canCancel() {
        return Bindings.createBooleanBinding(() -> !busy.get() && switch (phase.get()) {
            case PREPARING, WAITING, RUNNING -> true;
            case OFFERED, ENDED -> false;
        }, phase, busy);
    }

    /** Resume applies: a file to us whose connection broke, in this session (the core keeps the part). */
    public BooleanBinding canResume() {
        return Bindings.createBooleanBinding(() -> !outgoing && !past && !busy.get()
                && phase.get() == TransferPhase.ENDED && "interrupted".equals(outcome.get()), phase, busy, outcome);
    }

    /** Open and Show in folder apply: a file we received and saved in this session. */
    public BooleanBinding canOpen() {
        return saved.isNotNull();
    }

    /** The scan flagged the file: the row shows a warning. */
    public BooleanBinding quarantined() {
        return outcome.isEqualTo("quarantined");
    }
}
