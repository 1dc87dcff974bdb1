package org.parley.app.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.parley.app.ParleyEvent;

/**
 * Remote composing state per (account, peer), RFC 3994 §4: "active" lasts for its refresh interval
 * (120 s when absent) unless refreshed; "idle" or a text message from the peer ends it.
 *
 * <p>Threading: core thread only.
 */
final class TypingTracker {
    static final int DEFAULT_ACTIVE_SECONDS = 120;

    private final ScheduledExecutorService core;
    private final Consumer<ParleyEvent> emit;
    private final Map<String, ScheduledFuture<?>> active = new HashMap<>();

    TypingTracker(ScheduledExecutorService core, Consumer<ParleyEvent> emit) {
        this.core = core;
        this.emit = emit;
    }

    void update(String account, String peer, IsComposing.State state) {
        if (state.active()) {
            String key = account + '\n' + peer;
            ScheduledFuture<?> previous = active.remove(key);
            if (previous != null) {
                previous.cancel(false);
            } else {
                emit.accept(new ParleyEvent.TypingChanged(account, peer, true));
            }
            int seconds = state.refreshSeconds() > 0 ? state.refreshSeconds() : DEFAULT_ACTIVE_SECONDS;
            active.put(key, core.schedule(() -> idle(account, peer), seconds, TimeUnit.SECONDS));
        } else {
            idle(account, peer);
        }
    }

    /** The peer sent a message: it is no longer composing. */
    void messageFrom(String account, String peer) {
        idle(account, peer);
    }

    private void idle(String account, String peer) {
        ScheduledFuture<?> f = active.remove(account + '\n' + peer);
        if (f != null) {
            f.cancel(false);
            emit.accept(new ParleyEvent.TypingChanged(account, peer, false));
        }
    }
}
