package org.parley.uibench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The cold-start baseline of {@code cold-start.sh}: a bare JavaFX window the size of Parley's unlock window,
 * packaged by {@code bare-window-image.sh} with Parley's own runtime and JavaFX jars. It prints
 * {@code window shown <epoch ms>} on stdout at the scene's first post-layout pulse after {@code show()} — the point
 * at which Parley logs "unlock window shown" — and stays open until it is killed. Needs only JavaFX.
 */
public final class BareWindowApp {
    private BareWindowApp() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(new Label("Hello")), 520, 440);
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    System.out.println("window shown " + System.currentTimeMillis());
                    System.out.flush();
                }
            });
            stage.setScene(scene);
            stage.show();
        });
    }
}
