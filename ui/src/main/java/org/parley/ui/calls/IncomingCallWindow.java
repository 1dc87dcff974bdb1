package org.parley.ui.calls;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;
import org.parley.ui.fx.Themes;

/**
 * The small always-on-top window of a call ringing here: caller's name and address, the identity warning when
 * there is one, Answer and Decline. Enter answers (Enter on a focused Decline declines), Escape and closing the
 * window decline. UI thread.
 */
final class IncomingCallWindow {
    private final CallViewModel call;
    private final I18n i18n;
    private Stage stage;

    IncomingCallWindow(CallViewModel call, I18n i18n) {
        this.call = call;
        this.i18n = i18n;
    }

    void show() {
        FontIcon ringing = Icons.of(Feather.PHONE_INCOMING);
        ringing.getStyleClass().add("call-big-icon");
        Label name = new Label();
        name.setId("incoming-name");
        name.getStyleClass().add("title-3");
        name.textProperty().bind(call.nameProperty());
        Label address = new Label(call.address());
        address.getStyleClass().add("text-muted");
        VBox who = new VBox(2, name, address);
        HBox header = new HBox(12, ringing, who);
        header.setAlignment(Pos.CENTER_LEFT);

        Label warning = new Label();
        warning.setId("incoming-warning");
        warning.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        warning.getStyleClass().add("call-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(call.warningProperty());
        warning.managedProperty().bind(call.warningProperty().isNotEmpty());
        warning.visibleProperty().bind(warning.managedProperty());

        Label error = CallWindow.errorLabel(call);

        Button answer = new Button(i18n.t("call.answer"), Icons.of(Feather.PHONE));
        answer.setId("call-answer");
        answer.getStyleClass().add("success");
        answer.setDefaultButton(true);
        answer.disableProperty().bind(call.busyProperty());
        answer.setOnAction(e -> call.answer());
        Button decline = new Button(i18n.t("call.decline"), Icons.of(Feather.PHONE_OFF));
        decline.setId("call-decline");
        decline.getStyleClass().add("danger");
        decline.setCancelButton(true);
        decline.setOnAction(e -> call.decline());
        HBox buttons = new HBox(10, decline, answer);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, header, warning, error, buttons);
        root.setId("incoming-call");
        root.getStyleClass().add("call-window");
        root.setPadding(new Insets(16));
        root.setPrefWidth(380);
        root.setAccessibleText(i18n.t("call.incoming.from", call.nameProperty().get()));

        Scene scene = new Scene(root);
        scene.getStylesheets().add(Themes.appCss());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (decline.isFocused()) {
                    call.decline();
                } else {
                    call.answer();
                }
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                call.decline();
            }
        });
        stage = new Stage(StageStyle.UTILITY);
        stage.setTitle(i18n.t("call.incoming.title"));
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> call.decline());
        stage.show();
        stage.toFront();
        answer.requestFocus();
    }

    void close() {
        if (stage != null) {
            stage.setOnCloseRequest(null);
            stage.close();
            stage = null;
        }
    }
}
