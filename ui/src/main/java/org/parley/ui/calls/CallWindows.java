package org.parley.ui.calls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.util.Duration;
import org.parley.ui.common.I18n;

/**
 * Keeps a window per call in step with {@link CallsViewModel#calls()}: the incoming-call window while a call
 * rings here, then (once answered) the call window; windows close when their call leaves the list. Also the
 * once-a-second timer that drives {@link CallsViewModel#tick()}, running only while there are calls.
 *
 * <p>Threading: UI thread only.
 */
public final class CallWindows {
    private final CallsViewModel vm;
    private final I18n i18n;
    private final Map<CallViewModel, IncomingCallWindow> ringing = new HashMap<>();
    private final Map<CallViewModel, CallWindow> open = new HashMap<>();
    private final Timeline timer;

    public CallWindows(CallsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.timer = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts following the calls (those already listed included). */
    public void install() {
        vm.calls().addListener((ListChangeListener<CallViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::closeAll);
                c.getAddedSubList().forEach(this::follow);
            }
            runTimer();
        });
        List.copyOf(vm.calls()).forEach(this::follow);
        runTimer();
    }

    private void follow(CallViewModel call) {
        if (!call.incomingProperty().get()) {
            openCallWindow(call);
            return;
        }
        IncomingCallWindow w = new IncomingCallWindow(call, i18n);
        ringing.put(call, w);
        call.incomingProperty().addListener((o, was, now) -> {
            if (!now) {
                closeRinging(call);
                if (!call.endedProperty().get() && vm.calls().contains(call)) {
                    openCallWindow(call);
                }
            }
        });
        w.show();
    }

    private void openCallWindow(CallViewModel call) {
        if (!open.containsKey(call)) {
            CallWindow w = new CallWindow(call, i18n);
            open.put(call, w);
            w.show();
        }
    }

    private void closeRinging(CallViewModel call) {
        IncomingCallWindow w = ringing.remove(call);
        if (w != null) {
            w.close();
        }
    }

    private void closeAll(CallViewModel call) {
        closeRinging(call);
        CallWindow w = open.remove(call);
        if (w != null) {
            w.close();
        }
    }

    private void runTimer() {
        if (vm.calls().isEmpty()) {
            timer.stop();
        } else if (timer.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            timer.play();
        }
    }
}
