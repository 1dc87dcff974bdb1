package org.parley.app.sip.presence;

import javax.sip.address.URI;
import org.parley.app.SipAddress;

/**
 * One watcher's subscription to our presence, served by us (the notifier side of an RFC 6665 dialog): who
 * watches, the dialog's identifiers and route, the CSeq of our next NOTIFY, and whether the user allowed it yet.
 *
 * <p>Threading: core thread only; owned by {@link PresenceAgent}.
 */
final class ServedSubscription {
    enum State { PENDING, ACTIVE }

    private final SipAddress watcher;
    private final String displayName;
    private final String callId;
    private final String localTag;
    private final String eventId;
    private SubscriptionDialog dialog;
    private long cseq = 1;
    private State state = State.PENDING;
    private long expiresAtMillis;
    private java.util.concurrent.ScheduledFuture<?> expiry;

    ServedSubscription(SipAddress watcher, String displayName, String callId, String localTag, String eventId,
                       SubscriptionDialog dialog) {
        this.watcher = watcher;
        this.displayName = displayName;
        this.callId = callId;
        this.localTag = localTag;
        this.eventId = eventId;
        this.dialog = dialog;
    }

    SipAddress watcher() {
        return watcher;
    }

    String displayName() {
        return displayName;
    }

    String callId() {
        return callId;
    }

    String localTag() {
        return localTag;
    }

    String remoteTag() {
        return dialog.remoteTag();
    }

    String eventId() {
        return eventId;
    }

    SubscriptionDialog dialog() {
        return dialog;
    }

    /** A refresh may name a new Contact (remote target); the route set stays (RFC 3261 §12.2.2). */
    void retarget(URI target) {
        if (target != null) {
            dialog = new SubscriptionDialog(dialog.remoteTag(), target, dialog.routeSet());
        }
    }

    long nextCSeq() {
        return cseq++;
    }

    /** After a digest retry the next NOTIFY must follow the CSeq the retry used. */
    void followCSeq(long answered) {
        cseq = Math.max(cseq, answered + 1);
    }

    State state() {
        return state;
    }

    void activate() {
        state = State.ACTIVE;
    }

    int secondsLeft(long nowMillis) {
        return (int) Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
    }

    void expiresAt(long millis, java.util.concurrent.ScheduledFuture<?> timer) {
        cancelExpiry();
        expiresAtMillis = millis;
        expiry = timer;
    }

    void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    boolean matches(String otherCallId, String otherRemoteTag) {
        return callId.equals(otherCallId) && dialog.remoteTag().equals(otherRemoteTag);
    }
}
