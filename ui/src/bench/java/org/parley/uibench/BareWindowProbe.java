package org.parley.uibench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline: a bare JavaFX window with one label, same size as Parley's main window. */
public final class BareWindowProbe {
    private BareWindowProbe() {
    }

    public static void main(String[] args) throws Exception {
        Stage[] stage = new Stage[1];
        Platform.startup(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new StackPane(new Label("Hello")), 1100, 720));
            stage[0].show();
        });
        long shown = Probe.whenPainted(() -> stage[0] != null && stage[0].isShowing(), 60);
        Probe.settle(3000);
        long heap = Probe.heapAfterGcKib();
        Probe.result("ready=" + shown + " rss=" + Probe.settledRssKib() + " heap=" + heap);
        Probe.holdIfAsked();
        System.exit(0);
    }
}
