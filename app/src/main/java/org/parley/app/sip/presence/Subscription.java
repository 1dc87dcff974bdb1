package org.parley.app.sip.presence;

import java.text.ParseException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.SipAddress;
import org.parley.app.chat.Tags;
import org.parley.app.sip.Authorizer;
import org.parley.app.sip.Backoff;
import org.parley.app.sip.CSeqs;
import org.parley.app.sip.ClientRequests;
import org.parley.app.sip.SipResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one contact's presence (RFC 3856 over RFC 6665): the initial SUBSCRIBE, the dialog it creates (from the
 * 2xx or from a NOTIFY that overtakes it), refreshes within the dialog before expiry, NOTIFYs with their
 * Subscription-State, and a new subscription when the old one ends for a reason that allows it (after
 * retry-after, else with backoff). 481 to a refresh or a dialog that is gone also starts over.
 *
 * <p>Threading: core thread only; a generation counter voids callbacks of superseded subscriptions.
 */
public final class Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);
    private static final double REFRESH_AT = 0.8;

    /** What a subscription needs from its account. */
    public record Setup(String accountId, SipAddress contact, EventPackage pkg, PresenceRequests requests,
                        ClientRequests client, Authorizer authorizer, ScheduledExecutorService core, Backoff backoff,
                        int expires) {
    }

    /** Receives what the notifier tells, on the core thread. */
    public interface Listener {
        /** A NOTIFY's body ({@code body} empty = no information, RFC 3856 §6.6.2) and its state. */
        void notified(Subscription subscription, byte[] body, String contentType, SubscriptionState state);

        /** The subscription ended for good ({@code rejected}, {@code noresource}, or a final error). */
        void ended(Subscription subscription, String reason);

        /**
         * The contact cannot be reached now (480, 408: with peer-to-peer presence, not signed in); the
         * subscription is tried again later.
         */
        default void unreachable(Subscription subscription, String reason) {
        }
    }

    private final Setup s;
    private final Listener listener;
    private String callId;
    private String fromTag;
    private long cseq;
    private int expires;
    private SubscriptionDialog dialog;
    /** The initial SUBSCRIBE of the current Call-ID until its final answer; null otherwise. */
    private CompletableFuture<SipResult> opening;
    private int generation;
    private ScheduledFuture<?> timer;
    private boolean stopped = true;
    private boolean retryPending;

    public Subscription(Setup setup, Listener listener) {
        this.s = setup;
        this.listener = listener;
        this.expires = setup.expires();
    }

    public SipAddress contact() {
        return s.contact();
    }

    public String accountId() {
        return s.accountId();
    }

    /** The Call-ID NOTIFYs of the current subscription carry (null before the first SUBSCRIBE). */
    public String callId() {
        return callId;
    }

    public boolean isActive() {
        return dialog != null && !stopped;
    }

    /** Subscribes now, as a new dialog. */
    public void start() {
        stopped = false;
        retryPending = false;
        callId = UUID.randomUUID() + "@parley";
        fromTag = Tags.random();
        cseq = 1;
        dialog = null;
        send(false);
    }

    /**
     * Subscribes at once if the subscription is waiting to try again (the contact just showed up, e.g. by
     * subscribing to us); otherwise does nothing.
     */
    public void retryNowIfWaiting() {
        if (retryPending && !stopped) {
            generation++;
            start();
        }
    }

    /**
     * Ends the subscription: a SUBSCRIBE with Expires: 0 in the dialog. When the initial SUBSCRIBE is still
     * unanswered, the notifier may be creating the subscription right now, so a 2xx to it is followed by that
     * request too (otherwise the server would keep the subscription, and show us as a watcher, until it
     * expires). Completes when answered, failed or known to be unnecessary.
     */
    public CompletableFuture<Void> stop() {
        stopped = true;
        generation++;
        cancelTimer();
        CompletableFuture<SipResult> unanswered = opening;
        opening = null;
        if (dialog != null) {
            SubscriptionDialog d = dialog;
            dialog = null;
            return unsubscribe(callId, fromTag, d, cseq++);
        }
        if (unanswered == null || unanswered.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        String id = callId;
        String tag = fromTag;
        return unanswered.thenCompose(result -> {
            if (result instanceof SipResult.Final f && f.response().getStatusCode() / 100 == 2) {
                Response r = f.response();
                ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
                SubscriptionDialog opened = new SubscriptionDialog(to.getTag(), contactUri(r),
                        SubscriptionRoutes.asUac(r));
                return unsubscribe(id, tag, opened, CSeqs.next(r, cseq));
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private CompletableFuture<Void> unsubscribe(String id, String tag, SubscriptionDialog d, long sequence) {
        try {
            Request r = s.requests().resubscribe(s.contact(), s.pkg(), id, tag, sequence, 0, d);
            // (the CSeq of a digest retry is one higher; nothing follows this request in the dialog)
            return s.client().send(r, s.authorizer()).thenAccept(x -> { });
        } catch (ParseException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * A NOTIFY for this subscription (same Call-ID; the caller matched it). Updates the dialog and tells the
     * listener.
     *
     * @return the status to answer with: 200, or 481 when our From-tag is not the NOTIFY's To-tag
     */
    public int onNotify(Request notify) {
        ToHeader to = (ToHeader) notify.getHeader(ToHeader.NAME);
        FromHeader from = (FromHeader) notify.getHeader(FromHeader.NAME);
        if (stopped || to == null || from == null || !fromTag.equals(to.getTag())) {
            return 481;
        }
        if (dialog == null || !from.getTag().equals(dialog.remoteTag())) {
            dialog = new SubscriptionDialog(from.getTag(), contactUri(notify), SubscriptionRoutes.asUas(notify));
        } else {
            URI target = contactUri(notify);
            if (target != null) {
                dialog = new SubscriptionDialog(dialog.remoteTag(), target, dialog.routeSet());
            }
        }
        SubscriptionState state = SubscriptionState.parse(
                (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME));
        ContentTypeHeader ct = (ContentTypeHeader) notify.getHeader(ContentTypeHeader.NAME);
        byte[] body = notify.getRawContent() == null ? new byte[0] : notify.getRawContent();
        String type = ct == null ? "" : ct.getContentType() + "/" + ct.getContentSubType();
        listener.notified(this, body, type, state);
        if (state.kind() == SubscriptionState.Kind.TERMINATED) {
            terminated(state);
        } else if (state.expiresSeconds() > 0) {
            scheduleRefresh(state.expiresSeconds());
        }
        return 200;
    }

    private void terminated(SubscriptionState state) {
        dialog = null;
        generation++;
        cancelTimer();
        if (!state.retryAllowed()) {
            stopped = true;
            listener.ended(this, state.reason());
            return;
        }
        long delay = state.retryAfterSeconds() > 0 ? state.retryAfterSeconds()
                : "deactivated".equals(state.reason()) || "timeout".equals(state.reason()) ? 0
                : Math.max(1, s.backoff().next().toSeconds());
        LOG.debug("{}: subscription to {} terminated ({}); again in {} s", s.accountId(), s.contact(), state.reason(),
                delay);
        retryPending = true;
        schedule(delay, this::start);
    }

    private void send(boolean refresh) {
        int gen = ++generation;
        cancelTimer();
        Request r;
        try {
            r = refresh ? s.requests().resubscribe(s.contact(), s.pkg(), callId, fromTag, cseq++, expires, dialog)
                    : s.requests().subscribe(s.contact(), s.pkg(), callId, fromTag, cseq++, expires);
        } catch (ParseException e) {
            LOG.warn("{}: cannot build SUBSCRIBE to {}", s.accountId(), s.contact(), e);
            stopped = true;
            listener.ended(this, "invalid address");
            return;
        }
        CompletableFuture<SipResult> answer = s.client().send(r, s.authorizer());
        opening = refresh ? null : answer;
        answer.thenAccept(result -> {
            if (answer == opening) {
                opening = null;
            }
            if (gen == generation && !stopped) {
                onResult(result, refresh);
            }
        });
    }

    private void onResult(SipResult result, boolean refresh) {
        if (result instanceof SipResult.Final f) {
            Response r = f.response();
            cseq = CSeqs.next(r, cseq);
            int status = r.getStatusCode();
            if (status / 100 == 2) {
                s.backoff().reset();
                if (dialog == null) {
                    ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
                    dialog = new SubscriptionDialog(to.getTag(), contactUri(r), SubscriptionRoutes.asUac(r));
                }
                ExpiresHeader exp = (ExpiresHeader) r.getHeader(ExpiresHeader.NAME);
                int granted = exp == null ? expires : exp.getExpires();
                if (granted > 0) {
                    scheduleRefresh(granted);
                }
                return;
            }
            if (status == 423) {
                MinExpiresHeader min = (MinExpiresHeader) r.getHeader(MinExpiresHeader.NAME);
                if (min != null && min.getExpires() > expires) {
                    expires = min.getExpires();
                    send(refresh);
                    return;
                }
            }
            if (refresh && (status == 481 || status == 408)) {
                start(); // the notifier forgot the dialog: a new subscription
                return;
            }
            if (status == 403 || status == 404 || status == 405 || status == 489 || status == 501 || status == 603) {
                stopped = true;
                listener.ended(this, status + " " + r.getReasonPhrase());
                return;
            }
            if (status == 480 || status == 408) {
                listener.unreachable(this, status + " " + r.getReasonPhrase());
            }
            retryLater(status + " " + r.getReasonPhrase());
        } else {
            retryLater(result instanceof SipResult.TimedOut ? "no answer" : "connection failed");
        }
    }

    private void retryLater(String why) {
        long delay = Math.max(1, s.backoff().next().toSeconds());
        LOG.debug("{}: SUBSCRIBE to {} failed ({}); again in {} s", s.accountId(), s.contact(), why, delay);
        dialog = null;
        retryPending = true;
        schedule(delay, this::start);
    }

    private void scheduleRefresh(int grantedSeconds) {
        schedule(Math.max(1, (long) (grantedSeconds * REFRESH_AT)), () -> send(true));
    }

    private void schedule(long seconds, Runnable action) {
        cancelTimer();
        int gen = generation;
        timer = s.core().schedule(() -> {
            if (gen == generation && !stopped) {
                action.run();
            }
        }, seconds, TimeUnit.SECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static URI contactUri(Message m) {
        ContactHeader c = (ContactHeader) m.getHeader(ContactHeader.NAME);
        return c == null ? null : c.getAddress().getURI();
    }
}
