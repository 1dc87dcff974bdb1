package org.parley.ui.calls;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.parley.app.Parley;
import org.parley.app.call.CallLevels;
import org.parley.ui.common.Async;
import org.parley.ui.common.I18n;

/**
 * The level meters of one call (microphone after mute, and what is played) and a line about its devices when one
 * fell back to the default or is missing. The window calls {@link #poll} about ten times a second while the call
 * is active; each poll asks the core once (no new question while one is unanswered).
 *
 * <p>Meter positions are 0 to 1 over {@value #RANGE_DB} dB below full scale; they jump up to a new peak and fall
 * back by {@value #DECAY_PER_POLL} per poll, as level meters do. UI thread only.
 */
public final class CallMeters {
    static final double RANGE_DB = 60;
    static final double DECAY_PER_POLL = 0.05;

    private final Parley parley;
    private final Async async;
    private final I18n i18n;
    private final ReadOnlyDoubleWrapper input = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper output = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper inputText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outputText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper devices = new ReadOnlyStringWrapper("");
    private boolean pending;
    private boolean stopped;

    CallMeters(Parley parley, Async async, I18n i18n) {
        this.parley = parley;
        this.async = async;
        this.i18n = i18n;
        reset();
    }

    /** Microphone meter position, 0 (silent or muted) to 1 (full scale). */
    public ReadOnlyDoubleProperty inputProperty() {
        return input.getReadOnlyProperty();
    }

    /** Speaker meter position, 0 to 1. */
    public ReadOnlyDoubleProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    /** The microphone level in words for screen readers ("Microphone level −18 dB"). */
    public ReadOnlyStringProperty inputTextProperty() {
        return inputText.getReadOnlyProperty();
    }

    /** The speaker level in words for screen readers. */
    public ReadOnlyStringProperty outputTextProperty() {
        return outputText.getReadOnlyProperty();
    }

    /** "Microphone “X” is not available — using the default." (one line per device), or "" when all is as chosen. */
    public ReadOnlyStringProperty devicesProperty() {
        return devices.getReadOnlyProperty();
    }

    /** Asks the core for the levels of {@code callId}, unless a question is still out. */
    void poll(String callId) {
        if (pending) {
            return;
        }
        pending = true;
        stopped = false;
        async.onUi(parley.callLevels(callId), levels -> {
            pending = false;
            if (!stopped) {
                levels.ifPresent(this::show);
            }
        }, e -> pending = false);
    }

    /** The call is not active (any more): meters at rest, an answer still out is ignored. */
    void reset() {
        stopped = true;
        input.set(0);
        output.set(0);
        inputText.set(i18n.t("call.level.input", i18n.t("call.level.silent")));
        outputText.set(i18n.t("call.level.output", i18n.t("call.level.silent")));
    }

    private void show(CallLevels levels) {
        input.set(Math.max(position(levels.inputDbfs()), input.get() - DECAY_PER_POLL));
        output.set(Math.max(position(levels.outputDbfs()), output.get() - DECAY_PER_POLL));
        inputText.set(i18n.t("call.level.input", words(levels.inputDbfs())));
        outputText.set(i18n.t("call.level.output", words(levels.outputDbfs())));
        devices.set(deviceLine(levels));
    }

    /** {@code dbfs} on the meter's scale: -60 dB and below is 0, full scale is 1. */
    static double position(double dbfs) {
        return Math.max(0, Math.min(1, (dbfs + RANGE_DB) / RANGE_DB));
    }

    private String words(double dbfs) {
        return dbfs <= -RANGE_DB ? i18n.t("call.level.silent") : i18n.t("call.level.db", Math.round(dbfs));
    }

    private String deviceLine(CallLevels levels) {
        List<String> lines = new ArrayList<>(2);
        line(levels.microphone(), "microphone").ifPresent(lines::add);
        line(levels.speaker(), "speaker").ifPresent(lines::add);
        return String.join("\n", lines);
    }

    private java.util.Optional<String> line(CallLevels.DeviceUse use, String role) {
        return switch (use.kind()) {
            case AS_REQUESTED -> java.util.Optional.empty();
            case DEFAULT_FALLBACK -> java.util.Optional.of(i18n.t("call.device." + role + ".fallback",
                    use.requested().orElse("")));
            case NO_DEVICE -> java.util.Optional.of(i18n.t("call.device." + role + ".none"));
        };
    }
}
