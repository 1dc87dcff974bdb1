package org.parley.ui.presence;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Themes;

/** The "who watches me" dialog: the list of watchers, live while it is open. */
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
        ListView<String> list = new ListView<>(vm.rows());
        list.setId("watchers");
        list.setAccessibleText(i18n.t("watchers.title"));
        list.setPlaceholder(new Label(i18n.t("watchers.empty")));
        list.setPrefSize(480, 260);
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }
}
