package org.parley.ui.presence;

import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.parley.app.presence.PresenceState;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.PresenceLook;

/**
 * The user's own state (icon and name in a drop-down) and note (Enter publishes). Also the idle detector: key
 * presses and mouse movement in the window count as input, and an idle check runs every 30 seconds.
 */
public final class PresenceSelectorView {
    private static final Duration IDLE_CHECK = Duration.seconds(30);

    private final PresenceViewModel vm;
    private final I18n i18n;
    private long lastInputMillis;
    private boolean updating;

    public PresenceSelectorView(PresenceViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public Parent build() {
        ComboBox<PresenceState> state = new ComboBox<>();
        state.setId("own-presence");
        state.getItems().setAll(PresenceViewModel.CHOICES);
        state.setCellFactory(v -> new StateCell());
        state.setButtonCell(new StateCell());
        state.setAccessibleText(i18n.t("presence.own"));
        state.setTooltip(new Tooltip(i18n.t("presence.own")));
        state.setValue(vm.stateProperty().get());
        vm.stateProperty().addListener((o, a, now) -> {
            updating = true;
            try {
                state.setValue(now);
            } finally {
                updating = false;
            }
        });
        state.setOnAction(e -> {
            if (!updating && state.getValue() != null) {
                vm.stateProperty().set(state.getValue());
                vm.apply();
            }
        });

        TextField note = new TextField();
        note.setId("own-presence-note");
        note.setPromptText(i18n.t("presence.note.prompt"));
        note.setAccessibleText(i18n.t("presence.note"));
        note.textProperty().bindBidirectional(vm.noteProperty());
        note.setOnAction(e -> vm.apply());
        // Stacked, each as wide as the sidebar: the sidebar must not grow wider because of long state names.
        state.setMaxWidth(Double.MAX_VALUE);
        state.setMinWidth(0);
        note.setMinWidth(0);
        note.setPrefColumnCount(8);

        VBox box = new VBox(4, state, note);
        box.setMinWidth(0);
        box.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null && before == null) {
                watchInput(scene);
            }
        });
        return box;
    }

    private void watchInput(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> input());
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> input());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> input());
        Timeline idle = new Timeline(new KeyFrame(IDLE_CHECK, e -> vm.onIdleCheck(Instant.now())));
        idle.setCycleCount(Timeline.INDEFINITE);
        idle.play();
    }

    /** At most one input report per second: mouse movement fires far more often. */
    private void input() {
        long now = System.currentTimeMillis();
        if (now - lastInputMillis >= 1000) {
            lastInputMillis = now;
            vm.onInput(Instant.ofEpochMilli(now));
        }
    }

    /** One icon per cell, changed in place: the button cell is updated at every layout pass of the box. */
    private final class StateCell extends ListCell<PresenceState> {
        private final org.kordamp.ikonli.javafx.FontIcon icon = PresenceLook.icon(PresenceState.AVAILABLE);

        @Override
        protected void updateItem(PresenceState item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(i18n.t("presence." + item.name()));
            PresenceLook.show(icon, item);
            if (getGraphic() != icon) {
                setGraphic(icon);
            }
        }
    }
}
