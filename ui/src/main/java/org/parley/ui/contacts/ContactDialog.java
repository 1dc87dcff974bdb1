package org.parley.ui.contacts;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Themes;

/** The add/edit contact dialog; "Save" closes only when the form is valid. UI thread. */
public final class ContactDialog {
    private final ContactDialogViewModel vm;
    private final I18n i18n;

    public ContactDialog(ContactDialogViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public void showAndWait(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.t(vm.isEditing() ? "contact.title.edit" : "contact.title.add"));
        dialog.getDialogPane().getStylesheets().add(Themes.appCss());
        ButtonType save = new ButtonType(i18n.t("common.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, cancel);

        ComboBox<String> account = new ComboBox<>();
        account.getItems().setAll(vm.accounts());
        account.valueProperty().bindBidirectional(vm.accountProperty());
        account.setDisable(vm.isEditing());
        TextField address = new TextField();
        address.setId("contact-address");
        address.setPromptText("sip:bob@example.com");
        address.textProperty().bindBidirectional(vm.addressProperty());
        address.setDisable(vm.isEditing());
        TextField name = new TextField();
        name.setId("contact-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField group = new TextField();
        group.setId("contact-group");
        group.textProperty().bindBidirectional(vm.groupProperty());
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        addRow(grid, 0, "contact.account", account);
        addRow(grid, 1, "contact.address", address);
        addRow(grid, 2, "contact.name", name);
        addRow(grid, 3, "contact.group", group);
        grid.add(error, 0, 4, 2, 1);
        grid.setPrefWidth(440);
        dialog.getDialogPane().setContent(grid);

        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.save()) {
                e.consume();
            }
        });
        (vm.isEditing() ? name : address).sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                (vm.isEditing() ? name : address).requestFocus();
            }
        });
        dialog.showAndWait();
    }

    private void addRow(GridPane grid, int row, String key, javafx.scene.control.Control control) {
        Label label = new Label(i18n.t(key));
        label.setLabelFor(control);
        label.setMnemonicParsing(true);
        control.setAccessibleText(label.getText().replace("_", ""));
        grid.addRow(row, label, control);
    }
}
