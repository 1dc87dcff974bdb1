package org.parley.ui.calls;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;

/**
 * The call window's sound part: microphone and speaker meters (progress bars whose accessible text is the level
 * in words), the device line when a device fell back or is missing, and the keys the peer pressed. Polls the
 * levels ten times a second between {@link #start()} and {@link #stop()}. UI thread.
 */
final class CallMetersView {
    private static final Duration POLL = Duration.millis(100);

    private final CallViewModel call;
    private final I18n i18n;
    private final Timeline timer;

    CallMetersView(CallViewModel call, I18n i18n) {
        this.call = call;
        this.i18n = i18n;
        this.timer = new Timeline(new KeyFrame(POLL, e -> call.pollLevels()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    Node build() {
        CallMeters m = call.meters();
        GridPane meters = new GridPane();
        meters.setHgap(8);
        meters.setVgap(4);
        meters.addRow(0, Icons.of(Feather.MIC), meter("call-meter-input", m.inputProperty(), m.inputTextProperty()));
        meters.addRow(1, Icons.of(Feather.VOLUME_2),
                meter("call-meter-output", m.outputProperty(), m.outputTextProperty()));
        meters.managedProperty().bind(call.talkingProperty());
        meters.visibleProperty().bind(call.talkingProperty());

        Label devices = line("call-devices", m.devicesProperty());
        devices.getStyleClass().add("warning");
        Label received = line("call-received", call.receivedProperty());
        return new VBox(6, meters, devices, received);
    }

    void start() {
        timer.play();
    }

    void stop() {
        timer.stop();
    }

    private ProgressBar meter(String id, javafx.beans.value.ObservableDoubleValue level,
                              javafx.beans.value.ObservableStringValue words) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId(id);
        bar.getStyleClass().add("call-meter");
        bar.progressProperty().bind(level);
        bar.accessibleTextProperty().bind(words);
        bar.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(bar, Priority.ALWAYS);
        GridPane.setFillWidth(bar, true);
        return bar;
    }

    private static Label line(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setAlignment(Pos.CENTER_LEFT);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }
}
