package org.parley.ui.calls;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.parley.ui.common.I18n;

/** The telephone keypad (1-9, *, 0, #) of a call: each button sends its key; the keys sent are shown above. */
final class CallKeypad {
    private static final String LAYOUT = "123456789*0#";

    private CallKeypad() {
    }

    static Parent build(CallViewModel call, I18n i18n) {
        Label dialled = new Label();
        dialled.setId("call-dialled");
        dialled.getStyleClass().add("call-dialled");
        dialled.textProperty().bind(call.dialledProperty());
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        for (int i = 0; i < LAYOUT.length(); i++) {
            char key = LAYOUT.charAt(i);
            Button b = new Button(String.valueOf(key));
            b.setId("key-" + (key == '*' ? "star" : key == '#' ? "hash" : String.valueOf(key)));
            b.getStyleClass().add("call-key");
            b.setMnemonicParsing(false);
            b.setAccessibleText(i18n.t("call.keypad.key", String.valueOf(key)));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> call.dtmf(key));
            grid.add(b, i % 3, i / 3);
        }
        VBox box = new VBox(6, dialled, grid);
        box.disableProperty().bind(call.talkingProperty().not());
        return box;
    }
}
