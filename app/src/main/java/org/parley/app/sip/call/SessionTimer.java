package org.parley.app.sip.call;

import java.util.concurrent.ScheduledFuture;

/**
 * One call's session timer state (RFC 4028): the agreed interval and role, and the refresh or expiry that is due.
 *
 * <p>Threading: core thread only; owned by the call's {@link CallLeg}, driven by {@link CallSessionTimers}.
 */
final class SessionTimer {
    private SessionNegotiation.Agreed agreed;
    private ScheduledFuture<?> due;
    private boolean refreshing;

    /** The agreed timer, or null when the call has none. */
    SessionNegotiation.Agreed agreed() {
        return agreed;
    }

    /** Replaces what is due (cancelling the previous task) and the agreement it follows; null agreed stops. */
    void set(SessionNegotiation.Agreed now, ScheduledFuture<?> next) {
        cancel();
        agreed = now;
        due = next;
    }

    /** Replaces only the task that is due (a retried refresh). */
    void due(ScheduledFuture<?> next) {
        if (due != null) {
            due.cancel(false);
        }
        due = next;
    }

    /** Whether our re-INVITE in flight is a refresh (its answer changes no media). */
    boolean refreshing() {
        return refreshing;
    }

    void refreshing(boolean inFlight) {
        refreshing = inFlight;
    }

    /** No timer any more (call over, or the peer turned it off). */
    void stop() {
        cancel();
        agreed = null;
        refreshing = false;
    }

    private void cancel() {
        if (due != null) {
            due.cancel(false);
            due = null;
        }
    }
}
