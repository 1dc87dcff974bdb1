package org.parley.app.sip.call;

import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ServerTransaction;
import javax.sip.header.Header;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.sip.SipStackHost;
import org.parley.app.sip.call.SessionExpires.Refresher;
import org.parley.app.sip.call.SessionNegotiation.Agreed;
import org.parley.app.sip.call.SessionNegotiation.Timer;
import org.parley.app.sip.call.SessionNegotiation.TooSmall;
import org.parley.app.sip.call.SessionNegotiation.UasDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session timers (RFC 4028) on the wire and in time: the {@code Supported}, {@code Session-Expires},
 * {@code Min-SE} and {@code Require} headers of INVITEs and their 2xx, 422 both ways, and the refresh (refresher)
 * or BYE (non-refresher) that falls due. Refreshes are re-INVITEs only: Parley does not allow UPDATE.
 *
 * <p>Threading: core thread only. {@code scheduler} must be the core executor, so that due tasks run on the core
 * thread; a task is cancelled whenever the timer is reset or stopped, and one that runs for an ended call does
 * nothing.
 */
final class CallSessionTimers {
    private static final Logger LOG = LoggerFactory.getLogger(CallSessionTimers.class);
    static final String TIMER = "timer";
    static final String SESSION_EXPIRES = "Session-Expires";
    static final String MIN_SE = "Min-SE";

    /** What a due timer does to a call. */
    interface Actions {
        /** Sends a refresh re-INVITE; false when none can be sent now (another is under way). */
        boolean refresh(CallLeg leg);

        /** No refresh came in time: BYE and end the call as expired. */
        void expired(CallLeg leg);
    }

    private final SipStackHost host;
    private final ScheduledExecutorService scheduler;
    private final SessionTimerPolicy policy;
    private final Actions actions;

    CallSessionTimers(SipStackHost host, ScheduledExecutorService scheduler, SessionTimerPolicy policy,
                      Actions actions) {
        this.host = host;
        this.scheduler = scheduler;
        this.policy = policy;
        this.actions = actions;
    }

    /** Our INVITE: {@code Supported: timer}, and our wish for a timer that we refresh (RFC 4028 §7.1). */
    void addToInvite(Request invite) throws ParseException {
        invite.addHeader(host.headers().createHeader(SupportedHeader.NAME, TIMER));
        if (policy.requestedSeconds() > 0) {
            ask(invite, SessionExpires.of(policy.requestedSeconds(), Refresher.UAC));
        }
    }

    /** Our re-INVITE in a call: the timer in force, roles unchanged (RFC 4028 §7.4). */
    void addToReinvite(CallLeg leg, Request reinvite) throws ParseException {
        reinvite.setHeader(host.headers().createHeader(SupportedHeader.NAME, TIMER));
        Agreed agreed = leg.timer().agreed();
        if (agreed != null) {
            ask(reinvite, SessionExpires.of(agreed.seconds(), agreed.weRefresh() ? Refresher.UAC : Refresher.UAS));
        }
    }

    /** How to answer an incoming INVITE or re-INVITE (RFC 4028 §9). */
    UasDecision decide(Request request) {
        return SessionNegotiation.answer(sessionExpires(request),
                SessionExpires.parseMinSe(value(request, MIN_SE, null)),
                hasOption(request, SupportedHeader.NAME), policy.minimumSeconds());
    }

    /** Refuses a request whose interval is too small: 422 with our {@code Min-SE} (RFC 4028 §6). */
    void refuse(ServerTransaction st, Request request, TooSmall tooSmall) {
        try {
            StatelessAnswers.send(host, st, request, 422, "Session Interval Too Small",
                    host.headers().createHeader(MIN_SE, Integer.toString(tooSmall.minimum())));
        } catch (ParseException e) {
            throw new IllegalStateException("Min-SE header", e);
        }
    }

    /** Our 2xx to an INVITE or re-INVITE: {@code Supported: timer} and the decision's headers. */
    void addToResponse(Response response, UasDecision decision) throws ParseException {
        response.setHeader(host.headers().createHeader(SupportedHeader.NAME, TIMER));
        if (decision instanceof Timer t) {
            response.setHeader(host.headers().createHeader(SESSION_EXPIRES, t.expires().value()));
            if (t.requireTimer()) {
                response.setHeader(host.headers().createHeader("Require", TIMER));
            }
        }
    }

    /** Our 2xx with {@code decision} has left: the timer starts now, or there is none (RFC 4028 §9, §10). */
    void answered(CallLeg leg, UasDecision decision) {
        if (decision instanceof Timer t) {
            start(leg, new Agreed(t.expires().seconds(), t.weRefresh()));
        } else {
            leg.timer().stop();
        }
    }

    /** A 2xx to our INVITE or re-INVITE: its {@code Session-Expires} sets (or turns off) the timer (RFC 4028 §7.2). */
    void succeeded(CallLeg leg, Response response) {
        leg.timer().refreshing(false);
        SessionNegotiation.fromResponse(sessionExpires(response))
                .ifPresentOrElse(a -> start(leg, a), () -> leg.timer().stop());
    }

    /**
     * A 422 to our INVITE: the copy to send with the larger interval (CSeq + 1, RFC 4028 §7.3), once per call;
     * empty when there is nothing to retry with.
     */
    Optional<Request> retryTooSmall(CallLeg leg, Response response) throws ParseException {
        OptionalInt asked = leg.invite() == null ? OptionalInt.empty()
                : sessionExpires(leg.invite()).map(se -> OptionalInt.of(se.seconds())).orElse(OptionalInt.empty());
        OptionalInt next = SessionNegotiation.afterTooSmall(SessionExpires.parseMinSe(value(response, MIN_SE, null)),
                asked.orElse(0), policy.minimumSeconds());
        if (leg.tooSmallRetried() || next.isEmpty()) {
            return Optional.empty();
        }
        leg.tooSmallRetried(true);
        Request retry = org.parley.app.sip.ClientRequests.nextAttempt(leg.invite(),
                host.headers().createHeader(SESSION_EXPIRES,
                        SessionExpires.of(next.getAsInt(), Refresher.UAC).value()));
        retry.setHeader(host.headers().createHeader(MIN_SE, Integer.toString(next.getAsInt())));
        return Optional.of(retry);
    }

    /**
     * A 422 to our re-INVITE: takes the larger {@code Min-SE} as the interval; true when it grew (retry worth it).
     */
    boolean raise(CallLeg leg, Response response) {
        Agreed agreed = leg.timer().agreed();
        OptionalInt minSe = SessionExpires.parseMinSe(value(response, MIN_SE, null));
        if (agreed == null || minSe.isEmpty() || minSe.getAsInt() <= agreed.seconds()) {
            return false;
        }
        leg.timer().set(new Agreed(minSe.getAsInt(), agreed.weRefresh()), null);
        return true;
    }

    /** Our refresh failed without ending the dialog (491, 500, ...): try again a little later. */
    void refreshFailed(CallLeg leg) {
        leg.timer().refreshing(false);
        Agreed agreed = leg.timer().agreed();
        if (agreed != null && agreed.weRefresh()) {
            leg.timer().due(schedule(leg, SessionNegotiation.retryAfter(agreed.seconds()), () -> refreshDue(leg)));
        }
    }

    private void start(CallLeg leg, Agreed agreed) {
        LOG.debug("call {}: session timer {} s, {}", leg.callId(), agreed.seconds(),
                agreed.weRefresh() ? "we refresh" : "the peer refreshes");
        leg.timer().set(agreed, agreed.weRefresh()
                ? schedule(leg, SessionNegotiation.refreshAfter(agreed.seconds()), () -> refreshDue(leg))
                : schedule(leg, SessionNegotiation.expireAfter(agreed.seconds()), () -> actions.expired(leg)));
    }

    private void refreshDue(CallLeg leg) {
        if (leg.timer().agreed() == null) {
            return;
        }
        if (actions.refresh(leg)) {
            leg.timer().refreshing(true);
        } else {
            // another re-INVITE is under way (its 2xx refreshes too) or none can be sent yet: look again later
            leg.timer().due(schedule(leg, SessionNegotiation.retryAfter(leg.timer().agreed().seconds()),
                    () -> refreshDue(leg)));
        }
    }

    private java.util.concurrent.ScheduledFuture<?> schedule(CallLeg leg, Duration delay, Runnable task) {
        return scheduler.schedule(() -> {
            if (leg.phase() != CallLeg.Phase.ENDED) {
                task.run();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ask(Request request, SessionExpires wanted) throws ParseException {
        request.setHeader(host.headers().createHeader(SESSION_EXPIRES, wanted.value()));
        request.setHeader(host.headers().createHeader(MIN_SE, Integer.toString(policy.minimumSeconds())));
    }

    private static Optional<SessionExpires> sessionExpires(Message m) {
        return SessionExpires.parse(value(m, SESSION_EXPIRES, "x"));
    }

    /** Whether a {@code Supported}/{@code Require}-style list header lists {@code timer}. */
    private static boolean hasOption(Message m, String name) {
        for (ListIterator<?> it = m.getHeaders(name); it != null && it.hasNext(); ) {
            for (String tag : headerValue((Header) it.next()).split(",")) {
                if (tag.trim().equalsIgnoreCase(TIMER)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value of the first {@code name} (or {@code compact}) header, or null. */
    private static String value(Message m, String name, String compact) {
        Header h = m.getHeader(name);
        if (h == null && compact != null) {
            h = m.getHeader(compact);
        }
        return h == null ? null : headerValue(h);
    }

    private static String headerValue(Header h) {
        String encoded = h.toString();
        int colon = encoded.indexOf(':');
        return encoded.substring(colon + 1).trim();
    }
}
