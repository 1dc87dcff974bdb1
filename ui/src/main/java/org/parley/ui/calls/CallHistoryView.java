package org.parley.ui.calls;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;

/**
 * The "Recent calls" panel: one row per call with an icon of its kind (outgoing, incoming, missed in the danger
 * colour), the peer's name and what happened when; Enter or double-click opens the conversation. UI thread.
 */
public final class CallHistoryView {
    private static final String MISSED_ICON = "-fx-icon-color: -color-danger-emphasis;";
    private static final String MISSED_TEXT = "-fx-text-fill: -color-danger-fg;";

    private final CallHistoryViewModel vm;
    private final I18n i18n;
    private final ListView<CallItem> list;

    public CallHistoryView(CallHistoryViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.list = new ListView<>(vm.rows());
    }

    public Parent build() {
        list.setId("call-history");
        list.setAccessibleText(i18n.t("calls.history.list"));
        list.setPlaceholder(new Label(i18n.t("calls.history.placeholder")));
        list.setCellFactory(v -> new CallCell());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        Label error = new Label();
        error.getStyleClass().addAll("text-muted", "text-small");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, error, list);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Redraws the rows: names (contacts may have been renamed) and "today"/"yesterday" are made when drawn. */
    public void redraw() {
        list.refresh();
    }

    private void openSelected() {
        CallItem row = list.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.open(row);
        }
    }

    private final class CallCell extends ListCell<CallItem> {
        private final FontIcon icon = Icons.of(Feather.PHONE_OUTGOING);
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Tooltip tooltip = new Tooltip();
        private final HBox box;

        CallCell() {
            detail.getStyleClass().addAll("text-muted", "text-small");
            VBox lines = new VBox(1, name, detail);
            box = new HBox(8, icon, lines);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(CallItem row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                setTooltip(null);
                return;
            }
            boolean missed = row.kind() == CallItem.Kind.MISSED;
            icon.setIconCode(switch (row.kind()) {
                case OUTGOING -> Feather.PHONE_OUTGOING;
                case INCOMING -> Feather.PHONE_INCOMING;
                case MISSED -> Feather.PHONE_MISSED;
            });
            icon.setStyle(missed ? MISSED_ICON : "");
            name.setStyle(missed ? MISSED_TEXT : "");
            name.setText(vm.nameOf(row));
            detail.setText(vm.detail(row));
            String sentence = vm.sentence(row);
            tooltip.setText(sentence + "\n" + row.conversation().peer());
            setTooltip(tooltip);
            setAccessibleText(sentence);
            setGraphic(box);
        }
    }
}
