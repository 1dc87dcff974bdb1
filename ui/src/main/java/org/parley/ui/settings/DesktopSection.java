package org.parley.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.parley.ui.common.Async;
import org.parley.ui.common.I18n;
import org.parley.ui.handoff.LoginStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings tab "Desktop": "Start Parley when I log in" ({@link LoginStart}). The box shows the file's state
 * and writes it on change (off the UI thread); where there is no launcher to start it is disabled with a hint.
 * UI thread.
 */
public final class DesktopSection {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopSection.class);

    private DesktopSection() {
    }

    /** The user's autostart entry; writes run on the common pool. */
    public static Node build(I18n i18n) {
        return build(i18n, LoginStart.system(System::getenv, System.getProperty("user.home")),
                new Async(java.util.concurrent.ForkJoinPool.commonPool(), javafx.application.Platform::runLater));
    }

    public static Node build(I18n i18n, LoginStart login, Async async) {
        CheckBox box = new CheckBox(i18n.t("settings.desktop.login"));
        box.setId("settings-login-start");
        box.setSelected(login.enabled());
        Label hint = new Label(login.available() ? i18n.t("settings.desktop.login.hint", login.entry())
                : i18n.t("settings.desktop.login.unavailable"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        box.setDisable(!login.available());
        box.selectedProperty().addListener((o, was, on) -> async.run(() -> {
            login.set(on);
            return on;
        }, done -> LOG.info("start at login {}", done ? "enabled" : "disabled"), e -> {
            LOG.warn("start at login not changed", e);
            hint.setText(i18n.t("settings.desktop.login.failed"));
        }));
        VBox box2 = new VBox(8, box, hint);
        box2.setPadding(new Insets(12));
        return box2;
    }
}
