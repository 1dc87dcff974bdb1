package org.parley.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Themes;

/**
 * The settings dialog: accounts (the same list as the main window, with add/edit/remove), appearance,
 * notifications, audio and calls, passphrase. Changes apply at once; the dialog only has "Close". UI thread.
 */
public final class SettingsView {
    private final SettingsViewModel vm;
    private final ChangePassphraseViewModel passphrase;
    private final I18n i18n;
    private final Node accounts;

    /** @param accounts the accounts panel, built by the caller */
    public SettingsView(SettingsViewModel vm, ChangePassphraseViewModel passphrase, I18n i18n, Node accounts) {
        this.vm = vm;
        this.passphrase = passphrase;
        this.i18n = i18n;
        this.accounts = accounts;
    }

    public void showAndWait(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.t("settings.title"));
        dialog.getDialogPane().getStylesheets().add(Themes.appCss());
        ButtonType close = new ButtonType(i18n.t("common.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        TabPane tabs = new TabPane(
                tab("settings.tab.accounts", padded(accounts)),
                tab("settings.tab.appearance", appearance()),
                tab("settings.tab.notifications", notifications()),
                calls(),
                tab("settings.tab.desktop", DesktopSection.build(i18n)),
                tab("settings.tab.passphrase", passphrasePane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(560, 380);
        dialog.getDialogPane().setContent(tabs);
        dialog.showAndWait();
    }

    /** The "Audio and calls" tab; the device lists are asked for again each time it is selected. */
    private Tab calls() {
        Tab tab = tab("settings.tab.calls", padded(new CallSettingsView(vm.calls(), i18n).build()));
        tab.setId("settings-tab-calls");
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                vm.calls().refreshDevices();
            }
        });
        return tab;
    }

    private Tab tab(String key, Node content) {
        return new Tab(i18n.t(key), content);
    }

    private Node appearance() {
        ToggleGroup group = new ToggleGroup();
        RadioButton light = new RadioButton(i18n.t("settings.theme.light"));
        RadioButton dark = new RadioButton(i18n.t("settings.theme.dark"));
        light.setToggleGroup(group);
        dark.setToggleGroup(group);
        light.setUserData(Theme.LIGHT);
        dark.setUserData(Theme.DARK);
        (vm.themeProperty().get() == Theme.DARK ? dark : light).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.themeProperty().set((Theme) t.getUserData());
            }
        });
        return padded(new VBox(8, new Label(i18n.t("settings.theme")), light, dark));
    }

    private Node notifications() {
        CheckBox enabled = new CheckBox(i18n.t("settings.notifications.enabled"));
        enabled.selectedProperty().bindBidirectional(vm.notificationsProperty());
        Label hint = new Label(i18n.t("settings.notifications.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        return padded(new VBox(8, enabled, hint));
    }

    private Node passphrasePane() {
        PasswordField current = new PasswordField();
        current.textProperty().bindBidirectional(passphrase.currentProperty());
        PasswordField next = new PasswordField();
        next.textProperty().bindBidirectional(passphrase.nextProperty());
        PasswordField confirm = new PasswordField();
        confirm.textProperty().bindBidirectional(passphrase.confirmationProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        row(grid, 0, "settings.passphrase.current", current);
        row(grid, 1, "settings.passphrase.new", next);
        row(grid, 2, "settings.passphrase.confirm", confirm);
        Button change = new Button(i18n.t("settings.passphrase.change"));
        change.disableProperty().bind(passphrase.busyProperty());
        change.setOnAction(e -> passphrase.change());
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(passphrase.messageProperty());
        passphrase.okProperty().addListener((o, a, ok) -> message.getStyleClass().setAll("label", ok ? "success" : "danger"));
        return padded(new VBox(10, grid, change, message));
    }

    private void row(GridPane grid, int row, String key, PasswordField field) {
        Label label = new Label(i18n.t(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        field.setAccessibleText(label.getText().replace("_", ""));
        grid.addRow(row, label, field);
    }

    private static Node padded(Node n) {
        VBox box = new VBox(n);
        box.setPadding(new Insets(12));
        return box;
    }
}
