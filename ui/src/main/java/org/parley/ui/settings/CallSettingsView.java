package org.parley.ui.settings;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.parley.ui.common.I18n;

/**
 * The "Audio and calls" tab: three device lists and the call-waiting choice, bound to a {@link
 * CallSettingsViewModel}. UI thread.
 */
final class CallSettingsView {
    private final CallSettingsViewModel vm;
    private final I18n i18n;

    CallSettingsView(CallSettingsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    Node build() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        row(grid, 0, "settings.calls.microphone", "settings-microphone", vm.microphones(), vm.microphoneProperty());
        row(grid, 1, "settings.calls.speaker", "settings-speaker", vm.speakers(), vm.speakerProperty());
        row(grid, 2, "settings.calls.ringer", "settings-ringer", vm.speakers(), vm.ringerProperty());
        Button refresh = new Button(i18n.t("settings.calls.refresh"));
        refresh.setId("settings-devices-refresh");
        refresh.setOnAction(e -> vm.refreshDevices());

        ToggleGroup group = new ToggleGroup();
        RadioButton waiting = new RadioButton(i18n.t("settings.calls.waiting"));
        waiting.setId("settings-call-waiting");
        RadioButton busy = new RadioButton(i18n.t("settings.calls.busy"));
        busy.setId("settings-busy-when-in-call");
        waiting.setToggleGroup(group);
        busy.setToggleGroup(group);
        (vm.busyWhenInCallProperty().get() ? busy : waiting).setSelected(true);
        busy.selectedProperty().addListener((o, was, now) -> vm.busyWhenInCallProperty().set(now));
        vm.busyWhenInCallProperty().addListener((o, was, now) -> (now ? busy : waiting).setSelected(true));

        Label hint = new Label(i18n.t("settings.calls.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        return new VBox(10, grid, refresh, new Label(i18n.t("settings.calls.whenBusy")), waiting, busy, hint);
    }

    private void row(GridPane grid, int row, String key, String id, ObservableList<CallSettingsViewModel.DeviceChoice> items,
                     javafx.beans.property.ObjectProperty<CallSettingsViewModel.DeviceChoice> value) {
        ComboBox<CallSettingsViewModel.DeviceChoice> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(box, Priority.ALWAYS);
        Label label = new Label(i18n.t(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(box);
        box.setAccessibleText(label.getText().replace("_", ""));
        grid.addRow(row, label, box);
    }
}
