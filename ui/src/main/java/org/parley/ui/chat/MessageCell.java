package org.parley.ui.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.storage.DeliveryState;
import org.parley.ui.common.I18n;
import org.parley.ui.files.TransferItem;
import org.parley.ui.files.TransferView;

/**
 * One message: a bubble with the text (links clickable), the time and, for outgoing messages, the delivery
 * state; a failed message offers "Send again". Reaching the first row asks for older history through
 * {@code onTopReached}. To select part of a message, a double-click on its text (or the list's "Select text",
 * which sets {@code selectRequest} to the row's index) swaps the text for a read-only text area of the same
 * size; Escape, leaving it, or the cell showing another message swaps it back. A file transfer's row shows a
 * {@link TransferView} instead. UI thread.
 */
final class MessageCell extends ListCell<MessageItem> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final I18n i18n;
    private final Consumer<String> linkOpener;
    private final Consumer<MessageItem> retry;
    private final Runnable onTopReached;
    private final TextFlow text = new TextFlow();
    private final TextArea selectable = new TextArea();
    private final IntegerProperty selectRequest;
    private final Label time = new Label();
    private final Label state = new Label();
    private final Hyperlink resend = new Hyperlink();
    private final VBox bubble;
    private final HBox row;
    private final ChangeListener<DeliveryState> onState = (o, a, now) -> showState();
    private final Supplier<TransferView> transfers;
    private TransferView transferView;
    private HBox transferRow;
    private MessageItem current;

    /** @param transfers makes the view of a transfer row (once per cell, when it first shows one) */
    MessageCell(I18n i18n, Consumer<String> linkOpener, Consumer<MessageItem> retry, Runnable onTopReached,
                IntegerProperty selectRequest, Supplier<TransferView> transfers) {
        this.i18n = i18n;
        this.transfers = transfers;
        this.selectRequest = selectRequest;
        this.linkOpener = linkOpener;
        this.retry = retry;
        this.onTopReached = onTopReached;
        time.getStyleClass().addAll("text-muted", "text-small");
        state.getStyleClass().addAll("text-small", "message-state");
        resend.setText(i18n.t("chat.retry"));
        resend.getStyleClass().add("text-small");
        HBox meta = new HBox(6, time, state, resend);
        meta.setAlignment(Pos.CENTER_RIGHT);
        bubble = new VBox(2, text, meta);
        bubble.getStyleClass().add("bubble");
        bubble.maxWidthProperty().bind(widthProperty().multiply(0.75));
        row = new HBox(bubble);
        setPrefWidth(0);
        selectable.setEditable(false);
        selectable.setWrapText(true);
        selectable.getStyleClass().add("message-select");
        selectable.setAccessibleText(i18n.t("chat.selectText"));
        selectable.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                endSelecting();
            }
        });
        selectable.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                endSelecting();
                getListView().requestFocus();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                e.consume(); // the text area copies its selection; the list must not copy whole messages
                selectable.copy();
            }
        });
        text.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                startSelecting();
            }
        });
        selectRequest.addListener((o, was, index) -> {
            if (current != null && index.intValue() == getIndex()) {
                startSelecting();
                selectRequest.set(-1);
            }
        });
    }

    /** Shows the message as selectable text (same size as the bubble's text). */
    void startSelecting() {
        if (current == null || current.transfer().isPresent() || bubble.getChildren().get(0) == selectable) {
            return;
        }
        selectable.setText(current.text());
        selectable.setPrefSize(text.getWidth() + 18, text.getHeight() + 14);
        selectable.setMinHeight(text.getHeight() + 14);
        bubble.getChildren().set(0, selectable);
        selectable.requestFocus();
        selectable.positionCaret(0);
    }

    private void endSelecting() {
        if (bubble.getChildren().get(0) == selectable) {
            bubble.getChildren().set(0, text);
        }
    }

    @Override
    protected void updateItem(MessageItem item, boolean empty) {
        super.updateItem(item, empty);
        if (current != null) {
            current.stateProperty().removeListener(onState);
        }
        current = empty ? null : item;
        endSelecting();
        accessibleTextProperty().unbind();
        if (current == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        if (item.transfer().isPresent()) {
            showTransfer(item.transfer().get());
            return;
        }
        text.getChildren().clear();
        for (TextSegments.Segment s : TextSegments.split(item.text())) {
            if (s.link()) {
                Hyperlink link = new Hyperlink(s.text());
                link.setOnAction(e -> linkOpener.accept(s.text()));
                text.getChildren().add(link);
            } else {
                Text run = new Text(s.text());
                run.getStyleClass().add("message-text");
                text.getChildren().add(run);
            }
        }
        time.setText(TIME.format(item.at()));
        bubble.getStyleClass().setAll("bubble", item.outgoing() ? "bubble-out" : "bubble-in");
        row.setAlignment(item.outgoing() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        item.stateProperty().addListener(onState);
        showState();
        resend.setOnAction(e -> retry.accept(item));
        setGraphic(row);
        if (getIndex() == 0) {
            javafx.application.Platform.runLater(onTopReached);
        }
    }

    private void showTransfer(TransferItem transfer) {
        if (transferView == null) {
            transferView = transfers.get();
            VBox box = new VBox(transferView.node());
            box.getStyleClass().addAll("bubble", "bubble-transfer");
            box.maxWidthProperty().bind(widthProperty().multiply(0.75));
            transferRow = new HBox(box);
        }
        transferView.show(transfer);
        VBox box = (VBox) transferRow.getChildren().get(0);
        box.getStyleClass().setAll("bubble", "bubble-transfer", transfer.outgoing() ? "bubble-out" : "bubble-in");
        transferRow.setAlignment(transfer.outgoing() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        accessibleTextProperty().bind(transferView.node().accessibleTextProperty());
        setGraphic(transferRow);
        if (getIndex() == 0) {
            javafx.application.Platform.runLater(onTopReached);
        }
    }

    private void showState() {
        MessageItem item = current;
        boolean out = item.outgoing();
        DeliveryState s = item.stateProperty().get();
        state.setVisible(out);
        state.setManaged(out);
        String label = out ? i18n.t("delivery." + s.name()) : "";
        if (out && s == DeliveryState.FAILED && !item.reasonProperty().get().isEmpty()) {
            label = i18n.t("delivery.FAILED.reason", item.reasonProperty().get());
        }
        state.setText(label);
        state.setGraphic(out ? new FontIcon(iconOf(s)) : null);
        state.getStyleClass().setAll("label", "text-small", "message-state", "state-" + s.name().toLowerCase());
        resend.setVisible(out && s == DeliveryState.FAILED);
        resend.setManaged(resend.isVisible());
        setAccessibleText((out ? i18n.t("chat.accessible.out") : i18n.t("chat.accessible.in")) + " "
                + time.getText() + ": " + item.text() + (out ? " (" + label + ")" : ""));
    }

    private static Feather iconOf(DeliveryState s) {
        return switch (s) {
            case QUEUED -> Feather.CLOCK;
            case SENT -> Feather.CHECK;
            case STORED_OFFLINE -> Feather.INBOX;
            case FAILED -> Feather.ALERT_CIRCLE;
            case RECEIVED -> Feather.CHECK;
        };
    }
}
