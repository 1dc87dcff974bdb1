package org.parley.ui.unlock;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;

/** The first screen: create a passphrase (first run) or unlock. Binds to {@link UnlockViewModel}. */
public final class UnlockView {
    private final UnlockViewModel vm;
    private final I18n i18n;

    public UnlockView(UnlockViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public Parent build() {
        boolean first = vm.isFirstRun();
        Label title = new Label(i18n.t("app.name"), Icons.of(Feather.MESSAGE_CIRCLE));
        title.getStyleClass().add("title-2");
        Label intro = new Label(i18n.t(first ? "unlock.intro.create" : "unlock.intro.unlock"));
        intro.setWrapText(true);

        PasswordField passphrase = new PasswordField();
        passphrase.setId("passphrase");
        passphrase.setPromptText(i18n.t("unlock.passphrase"));
        passphrase.setAccessibleText(i18n.t("unlock.passphrase"));
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        Label passLabel = new Label(i18n.t("unlock.passphrase.label"));
        passLabel.setLabelFor(passphrase);
        passLabel.setMnemonicParsing(true);

        VBox form = new VBox(8, title, intro, passLabel, passphrase);
        if (first) {
            PasswordField confirm = new PasswordField();
            confirm.setId("confirmation");
            confirm.setPromptText(i18n.t("unlock.confirmation"));
            confirm.setAccessibleText(i18n.t("unlock.confirmation"));
            confirm.textProperty().bindBidirectional(vm.confirmationProperty());
            Label confirmLabel = new Label(i18n.t("unlock.confirmation.label"));
            confirmLabel.setLabelFor(confirm);
            confirmLabel.setMnemonicParsing(true);
            ProgressBar meter = new ProgressBar(0);
            meter.setMaxWidth(Double.MAX_VALUE);
            meter.setFocusTraversable(false);
            Label hint = new Label(vm.strengthText());
            hint.setId("strength");
            hint.setWrapText(true);
            vm.strengthProperty().addListener((o, a, s) -> {
                hint.setText(vm.strengthText());
                meter.setProgress((s.ordinal()) / 3.0);
            });
            form.getChildren().addAll(confirmLabel, confirm, meter, hint);
        }

        Label error = new Label();
        error.setId("unlock-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button submit = new Button(i18n.t(first ? "unlock.create" : "unlock.unlock"));
        submit.setId("unlock-submit");
        submit.setDefaultButton(true);
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        submit.setOnAction(e -> vm.submit());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox actions = new HBox(10, submit, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);
        form.getChildren().addAll(error, actions);

        form.getStyleClass().add("unlock-card");
        form.setMaxWidth(420);
        form.setMaxHeight(VBox.USE_PREF_SIZE);
        StackPane root = new StackPane(form);
        root.getStyleClass().add("unlock-root");
        passphrase.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                passphrase.requestFocus();
            }
        });
        return root;
    }
}
