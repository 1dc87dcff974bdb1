package org.parley.ui.calls;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;
import org.parley.ui.fx.Themes;

/**
 * The window of a call being made or held: name, state or duration, connection quality (icon, word, figures in
 * the tooltip), level meters, the device line and keys received ({@link CallMetersView}), Mute, Hold/Resume,
 * Keypad and Hang up. Keys 0-9, *, # typed in the window are sent as DTMF.
 * Closing the window hangs up. After the end it shows why, until the view-model drops the call. UI thread.
 */
final class CallWindow {
    private final CallViewModel call;
    private final I18n i18n;
    private final CallMetersView meters;
    private Stage stage;

    CallWindow(CallViewModel call, I18n i18n) {
        this.call = call;
        this.i18n = i18n;
        this.meters = new CallMetersView(call, i18n);
    }

    void show() {
        Scene scene = new Scene(build());
        scene.getStylesheets().add(Themes.appCss());
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String typed = e.getCharacter();
            if (typed.length() == 1 && "0123456789*#".contains(typed) && !e.isShortcutDown()) {
                call.dtmf(typed.charAt(0));
                e.consume();
            }
        });
        stage = new Stage();
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> i18n.t("call.window.title", call.nameProperty().get()), call.nameProperty()));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> call.hangUp());
        stage.show();
        meters.start();
    }

    void close() {
        meters.stop();
        if (stage != null) {
            stage.setOnCloseRequest(null);
            stage.close();
            stage = null;
        }
    }

    private Parent build() {
        Label name = new Label();
        name.setId("call-name");
        name.getStyleClass().add("title-3");
        name.textProperty().bind(call.nameProperty());
        Label address = new Label(call.address());
        address.getStyleClass().add("text-muted");
        Label status = new Label();
        status.setId("call-status");
        status.getStyleClass().addAll("title-4", "call-status");
        status.textProperty().bind(call.statusProperty());

        ToggleButton mute = new ToggleButton(i18n.t("call.mute"), Icons.of(Feather.MIC_OFF));
        mute.setId("call-mute");
        mute.selectedProperty().bindBidirectional(call.mutedProperty());
        mute.disableProperty().bind(call.talkingProperty().not());
        Button hold = new Button();
        hold.setId("call-hold");
        FontIcon holdIcon = Icons.of(Feather.PAUSE);
        hold.setGraphic(holdIcon);
        hold.textProperty().bind(Bindings.when(call.heldProperty()).then(i18n.t("call.resume"))
                .otherwise(i18n.t("call.hold")));
        call.heldProperty().addListener((o, was, now) -> holdIcon.setIconCode(now ? Feather.PLAY : Feather.PAUSE));
        hold.disableProperty().bind(call.talkingProperty().not().or(call.busyProperty()));
        hold.setOnAction(e -> call.toggleHold());
        ToggleButton keypad = new ToggleButton(i18n.t("call.keypad"), Icons.of(Feather.GRID));
        keypad.setId("call-keypad");
        keypad.disableProperty().bind(call.talkingProperty().not());
        Button hangUp = new Button(i18n.t("call.hangup"), Icons.of(Feather.PHONE_OFF));
        hangUp.setId("call-hangup");
        hangUp.getStyleClass().add("danger");
        hangUp.disableProperty().bind(call.endedProperty());
        hangUp.setOnAction(e -> call.hangUp());
        HBox controls = new HBox(8, mute, hold, keypad, hangUp);
        controls.setAlignment(Pos.CENTER);

        Parent pad = CallKeypad.build(call, i18n);
        pad.managedProperty().bind(keypad.selectedProperty());
        pad.visibleProperty().bind(keypad.selectedProperty());
        keypad.selectedProperty().addListener((o, was, now) -> {
            if (stage != null) {
                stage.sizeToScene();
            }
        });

        VBox root = new VBox(10, new VBox(2, name, address), status, quality(), meters.build(),
                errorLabel(call), controls, pad);
        root.setId("call-window");
        root.getStyleClass().add("call-window");
        root.setPadding(new Insets(16));
        root.setMinWidth(360);
        return root;
    }

    /** Icon and word of the quality, coloured by verdict, with the figures as tooltip; hidden while unmeasured. */
    private Label quality() {
        FontIcon icon = Icons.of(Feather.BAR_CHART_2);
        Label label = new Label(null, icon);
        label.setId("call-quality");
        label.getStyleClass().add("call-quality");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(call.qualityTextProperty());
        label.setTooltip(tip);
        label.accessibleTextProperty().bind(call.qualityTextProperty());
        Runnable paint = () -> {
            CallQuality q = call.qualityProperty().get();
            label.getStyleClass().removeAll("quality-good", "quality-fair", "quality-poor");
            label.setText(q == null ? "" : i18n.t("call.quality.label", new LiveCallText(i18n).quality(q)));
            if (q != null) {
                label.getStyleClass().add("quality-" + q.name().toLowerCase(java.util.Locale.ROOT));
            }
        };
        call.qualityProperty().addListener((o, was, now) -> paint.run());
        paint.run();
        label.managedProperty().bind(call.qualityProperty().isNotNull());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    /** The call's last failure, in the danger colour; takes no room while there is none. */
    static Label errorLabel(CallViewModel call) {
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(call.errorProperty());
        error.managedProperty().bind(call.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        return error;
    }
}
