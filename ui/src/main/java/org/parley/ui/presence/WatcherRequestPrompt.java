package org.parley.ui.presence;

import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Themes;

/**
 * Asks the user about new watchers, one question at a time, as they arrive (peer-to-peer presence): Allow,
 * Block, or Later (the watcher stays pending and can be decided in "Who watches me"). Non-modal to the rest of
 * the app: a question never blocks the event that raised it.
 *
 * <p>Threading: UI thread only.
 */
public final class WatcherRequestPrompt {
    private final WatchersViewModel vm;
    private final I18n i18n;
    private final Supplier<Window> owner;
    private Alert showing;

    public WatcherRequestPrompt(WatchersViewModel vm, I18n i18n, Supplier<Window> owner) {
        this.vm = vm;
        this.i18n = i18n;
        this.owner = owner;
    }

    /** Starts asking whenever a request is waiting. */
    public void install() {
        vm.requests().addListener((ListChangeListener<WatchersViewModel.Request>) c -> askNext());
        askNext();
    }

    private void askNext() {
        if (showing != null || vm.requests().isEmpty()) {
            return;
        }
        WatchersViewModel.Request request = vm.requests().get(0);
        ButtonType allow = new ButtonType(i18n.t("watchers.allow"), ButtonBar.ButtonData.YES);
        ButtonType block = new ButtonType(i18n.t("watchers.block"), ButtonBar.ButtonData.NO);
        ButtonType later = new ButtonType(i18n.t("watchers.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, request.text(), allow, block, later);
        alert.setTitle(i18n.t("watchers.request.title"));
        alert.setHeaderText(i18n.t("watchers.request.title"));
        alert.getDialogPane().setId("watcher-request");
        alert.getDialogPane().getStylesheets().add(Themes.appCss());
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        showing = alert;
        alert.setOnHidden(e -> {
            ButtonType chosen = alert.getResult();
            showing = null;
            if (chosen == allow) {
                vm.allow(request.account(), request.watcher());
            } else if (chosen == block) {
                vm.block(request.account(), request.watcher());
            } else {
                vm.later(request);
            }
        });
        alert.show();
    }
}
