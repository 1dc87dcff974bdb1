package org.parley.ui.accounts;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.parley.ui.common.I18n;

/** The account dialog's collapsible "Dial plan" section over {@link DialPlanFields}. UI thread. */
final class DialPlanPane {
    private DialPlanPane() {
    }

    static Node build(DialPlanFields fields, I18n i18n) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        row = add(grid, row, i18n, "account.dialplan.country", "dialplan-country", fields.countryCodeProperty(), "49");
        row = add(grid, row, i18n, "account.dialplan.national", "dialplan-national", fields.nationalPrefixProperty(), "0");
        row = add(grid, row, i18n, "account.dialplan.international", "dialplan-international",
                fields.internationalPrefixProperty(), "00");
        row = add(grid, row, i18n, "account.dialplan.outside", "dialplan-outside", fields.outsideLineProperty(), "");
        add(grid, row, i18n, "account.dialplan.extension", "dialplan-extension", fields.extensionDigitsProperty(), "4");
        CheckBox e164 = new CheckBox(i18n.t("account.dialplan.e164"));
        e164.setId("dialplan-e164");
        e164.selectedProperty().bindBidirectional(fields.internationalProperty());
        Label hint = new Label(i18n.t("account.dialplan.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        TitledPane pane = new TitledPane(i18n.t("account.dialplan.title"), new VBox(8, grid, e164, hint));
        pane.setExpanded(false);
        return pane;
    }

    private static int add(GridPane grid, int row, I18n i18n, String key, String id,
                           javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        Label label = new Label(i18n.t(key));
        label.setLabelFor(field);
        grid.addRow(row, label, field);
        return row + 1;
    }
}
