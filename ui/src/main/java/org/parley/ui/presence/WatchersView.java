package org.parley.ui.presence;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Themes;

/** The "who watches me" dialog: the list of watchers, live while it is open, with Allow and Block. */
public final class WatchersView {
    private final WatchersViewModel vm;
    private final I18n i18n;

    public WatchersView(WatchersViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public void showAndWait(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.t("watchers.title"));
        dialog.getDialogPane().getStylesheets().add(Themes.appCss());
        ListView<WatchersViewModel.Row> list = new ListView<>(vm.rows());
        list.setId("watchers");
        list.setAccessibleText(i18n.t("watchers.title"));
        list.setPlaceholder(new Label(i18n.t("watchers.empty")));
        list.setPrefSize(480, 260);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(WatchersViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.text());
            }
        });
        Button allow = new Button(i18n.t("watchers.allow"));
        Button block = new Button(i18n.t("watchers.block"));
        allow.setId("watcher-allow");
        block.setId("watcher-block");
        var none = Bindings.isNull(list.getSelectionModel().selectedItemProperty());
        allow.disableProperty().bind(none);
        block.disableProperty().bind(none);
        allow.setOnAction(e -> {
            WatchersViewModel.Row row = list.getSelectionModel().getSelectedItem();
            vm.allow(row.account(), row.watcher());
        });
        block.setOnAction(e -> {
            WatchersViewModel.Row row = list.getSelectionModel().getSelectedItem();
            vm.block(row.account(), row.watcher());
        });
        dialog.getDialogPane().setContent(new VBox(8, list, new HBox(8, allow, block)));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }
}
