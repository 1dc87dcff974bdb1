package org.parley.ui.handoff;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.parley.ui.common.I18n;

/**
 * Shows {@link LinkPromptViewModel}'s question as a dialog with Call / Chat / Cancel (Cancel is the default
 * button, so Enter never places a call), and its refusals as a short message. Closing the dialog any other way
 * counts as Cancel. UI thread.
 */
public final class LinkPromptView {
    private final LinkPromptViewModel vm;
    private final I18n i18n;
    private final Supplier<Window> owner;
    private Alert showing;

    public LinkPromptView(LinkPromptViewModel vm, I18n i18n, Supplier<Window> owner) {
        this.vm = vm;
        this.i18n = i18n;
        this.owner = owner;
    }

    public void install() {
        vm.promptProperty().addListener((o, old, now) -> {
            if (showing != null) {
                Alert previous = showing;
                showing = null;
                previous.close();
            }
            if (now != null) {
                ask(now);
            }
        });
        vm.errorProperty().addListener((o, old, now) -> {
            if (now != null && !now.isEmpty()) {
                Alert alert = new Alert(Alert.AlertType.INFORMATION, now, ButtonType.OK);
                alert.initOwner(owner.get());
                alert.setHeaderText(null);
                alert.setTitle(i18n.t("app.name"));
                alert.show();
            }
        });
    }

    private void ask(LinkPrompt prompt) {
        ButtonType call = new ButtonType(i18n.t("app.handoff.call"), ButtonBar.ButtonData.YES);
        ButtonType chat = new ButtonType(i18n.t("app.handoff.chat"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(i18n.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, prompt.question(), call, chat, cancel);
        alert.initOwner(owner.get());
        alert.setHeaderText(null);
        alert.setTitle(i18n.t("app.handoff.title"));
        alert.getDialogPane().setId("link-prompt");
        alert.getDialogPane().lookupButton(call).setId("link-prompt-call");
        alert.getDialogPane().lookupButton(chat).setId("link-prompt-chat");
        alert.getDialogPane().lookupButton(cancel).setId("link-prompt-cancel");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(call)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        alert.setOnHidden(e -> {
            if (showing != alert) {
                return; // replaced by a newer link
            }
            showing = null;
            ButtonType answer = alert.getResult();
            if (answer == call) {
                vm.call();
            } else if (answer == chat) {
                vm.chat();
            } else {
                vm.cancel();
            }
        });
        showing = alert;
        alert.show();
    }
}
