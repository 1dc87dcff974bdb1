package org.parley.ui.about;

import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.parley.ui.common.I18n;

/**
 * Help → About: Parley, Java and JavaFX versions and the directories Parley keeps its profile, settings and logs
 * in (selectable, for support requests). UI thread.
 */
public final class AboutDialog {
    private AboutDialog() {
    }

    public static void show(Window owner, I18n i18n, Versions versions, Path data, Path config, Path logs) {
        String text = String.join("\n", versions.lines()) + "\n\n"
                + i18n.t("app.about.data", data) + "\n"
                + i18n.t("app.about.config", config) + "\n"
                + i18n.t("app.about.logs", logs);
        TextArea details = new TextArea(text);
        details.setId("about-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(7);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(i18n.t("app.about.title"));
        alert.setHeaderText(i18n.t("app.about.header", versions.parley()));
        alert.getDialogPane().setContent(new VBox(8, new Label(i18n.t("app.about.text")), details));
        alert.show();
    }
}
