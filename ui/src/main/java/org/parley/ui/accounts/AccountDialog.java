package org.parley.ui.accounts;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;
import org.parley.ui.fx.Themes;

/**
 * The add/edit account dialog. "Save" and "Cancel" finish asynchronously through the view-model; the dialog
 * closes when {@link AccountDialogViewModel#closedProperty()} turns true. The certificate box appears only
 * while the server presents an untrusted certificate. UI thread.
 */
public final class AccountDialog {
    private final AccountDialogViewModel vm;
    private final I18n i18n;

    public AccountDialog(AccountDialogViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public void showAndWait(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.t(vm.isEditing() ? "account.title.edit" : "account.title.add"));
        dialog.getDialogPane().getStylesheets().add(Themes.appCss());
        ButtonType save = new ButtonType(i18n.t("common.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());

        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(vm.busyProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save();
        });
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancelButton.setText(i18n.t("common.cancel"));
        cancelButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.cancel();
        });
        dialog.setOnCloseRequest(e -> {
            if (!vm.closedProperty().get()) {
                e.consume();
                vm.cancel();
            }
        });
        vm.closedProperty().addListener((o, a, closed) -> {
            if (closed) {
                dialog.setResult(null);
                dialog.close();
            }
        });
        try {
            dialog.showAndWait();
        } finally {
            vm.dispose();
        }
    }

    private Node content() {
        TextField address = field("account-address", vm.addressProperty(), "account.address.prompt");
        address.setDisable(vm.isEditing());
        TextField authUser = field("account-auth-user", vm.authUserProperty(), "account.authUser.prompt");
        PasswordField password = new PasswordField();
        password.setId("account-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        TextField server = field("account-server", vm.serverProperty(), "account.server.prompt");
        ComboBox<Transport> transport = new ComboBox<>();
        transport.getItems().addAll(Transport.values());
        transport.valueProperty().bindBidirectional(vm.transportProperty());
        TextField trustStore = field("account-trust-store", vm.trustStoreProperty(), "account.trustStore.prompt");
        trustStore.disableProperty().bind(vm.transportProperty().isNotEqualTo(Transport.TLS));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        row = addRow(grid, row, "account.address", address);
        row = addRow(grid, row, "account.authUser", authUser);
        row = addRow(grid, row, "account.password", password);
        row = addRow(grid, row, "account.server", server);
        row = addRow(grid, row, "account.transport", transport);
        addRow(grid, row, "account.trustStore", trustStore);

        Button test = new Button(i18n.t("account.test"), Icons.of(Feather.ACTIVITY));
        test.setId("account-test");
        test.disableProperty().bind(vm.busyProperty());
        test.setOnAction(e -> vm.test());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        Label outcome = new Label();
        outcome.setId("account-outcome");
        outcome.setWrapText(true);
        outcome.setMaxWidth(480);
        // The certificate box below says "not trusted" itself, with the details; do not say it twice.
        outcome.visibleProperty().bind(vm.untrustedProperty().isNull());
        outcome.managedProperty().bind(outcome.visibleProperty());
        outcome.textProperty().bind(vm.outcomeProperty());
        vm.outcomeOkProperty().addListener((o, a, ok) -> outcome.getStyleClass().setAll("label", ok ? "success" : "danger"));

        VBox box = new VBox(12, grid, DialPlanPane.build(vm.dialPlan(), i18n), new HBox(8, test, spinner), outcome,
                certificateBox(), pinnedLabel());
        box.setPrefWidth(560);
        box.getStyleClass().add("account-dialog-content");
        return box;
    }

    private Node certificateBox() {
        Label heading = new Label(i18n.t("account.cert.heading"), Icons.of(Feather.ALERT_TRIANGLE));
        heading.getStyleClass().add("warning");
        Label subject = new Label();
        subject.setWrapText(true);
        // 95 characters the user is asked to compare: wrapped, selectable, never cut off.
        javafx.scene.control.TextArea fingerprint = new javafx.scene.control.TextArea();
        fingerprint.setEditable(false);
        fingerprint.setWrapText(true);
        fingerprint.setPrefRowCount(2);
        fingerprint.getStyleClass().add("fingerprint");
        fingerprint.setId("account-cert-fingerprint");
        fingerprint.setAccessibleText(i18n.t("account.cert.fingerprint"));
        Label explain = new Label(i18n.t("account.cert.explain"));
        explain.setWrapText(true);
        Button trust = new Button(i18n.t("account.cert.trust"));
        trust.setId("account-cert-trust");
        trust.disableProperty().bind(vm.busyProperty());
        trust.setOnAction(e -> vm.trustCertificate());
        VBox box = new VBox(6, heading, subject, new Label(i18n.t("account.cert.fingerprint")), fingerprint, explain,
                trust);
        box.getStyleClass().add("certificate-box");
        box.visibleProperty().bind(vm.untrustedProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        vm.untrustedProperty().addListener((o, a, c) -> show(c, subject, fingerprint));
        show(vm.untrustedProperty().get(), subject, fingerprint);
        return box;
    }

    private void show(RegistrationState.CertificateNotTrusted c, Label subject,
                      javafx.scene.control.TextInputControl fingerprint) {
        subject.setText(c == null ? "" : i18n.t("account.cert.subject", c.subject()));
        fingerprint.setText(c == null ? "" : c.sha256Fingerprint());
    }

    private Node pinnedLabel() {
        Label pinned = new Label();
        pinned.setWrapText(true);
        pinned.getStyleClass().add("text-muted");
        pinned.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.pinnedProperty().get().isEmpty() ? "" : i18n.t("account.cert.pinned", vm.pinnedProperty().get()),
                vm.pinnedProperty()));
        pinned.visibleProperty().bind(vm.pinnedProperty().isNotEmpty());
        pinned.managedProperty().bind(pinned.visibleProperty());
        return pinned;
    }

    private TextField field(String id, javafx.beans.property.StringProperty property, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(i18n.t(promptKey));
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private int addRow(GridPane grid, int row, String labelKey, Node control) {
        Label label = new Label(i18n.t(labelKey));
        label.setLabelFor(control);
        label.setMnemonicParsing(true);
        if (control instanceof javafx.scene.control.Control c && c.getAccessibleText() == null) {
            c.setAccessibleText(label.getText().replace("_", ""));
        }
        grid.addRow(row, label, control);
        return row + 1;
    }
}
