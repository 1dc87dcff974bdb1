package org.parley.app.sip.call;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.parley.app.sip.call.SessionExpires.Refresher;

/**
 * RFC 4028 decisions as pure functions: how a UAS answers a session refresh request (§9), what a UAC makes of a
 * 2xx (§7.2) or a 422 (§7.3), and when refreshes and expiry fall due (§10).
 */
final class SessionNegotiation {
    /** How long the non-refresher waits past half the interval at most (RFC 4028 §10). */
    private static final Duration MAX_GRACE = Duration.ofSeconds(32);

    private SessionNegotiation() {
    }

    /** How the UAS answers an INVITE or re-INVITE. */
    sealed interface UasDecision {
    }

    /** No session timer: the request asked for none; the 2xx carries no {@code Session-Expires}. */
    record NoTimer() implements UasDecision {
    }

    /** Refuse with 422 and {@code Min-SE: minimum}: the interval asked for is below what we accept. */
    record TooSmall(int minimum) implements UasDecision {
    }

    /**
     * Accept with a timer: the 2xx carries {@code Session-Expires: interval;refresher=…} and, when
     * {@code requireTimer}, {@code Require: timer}.
     */
    record Timer(SessionExpires expires, boolean requireTimer) implements UasDecision {
        /** Whether we, the UAS of this transaction, send the refreshes. */
        boolean weRefresh() {
            return expires.refresher().orElseThrow() == Refresher.UAS;
        }
    }

    /**
     * RFC 4028 §9. A request without {@code Session-Expires} gets no timer (we never impose one). One below our
     * minimum is refused with 422 when the UAC supports timers; when it does not (a proxy added the header) a 422
     * would only fail the call, so the interval is raised to our minimum instead (errata 1687). We never shorten
     * an acceptable interval. The refresher is the one the request names; without one, the UAC (which asked)
     * refreshes; a UAC without timer support cannot, so we do.
     *
     * @param requestMinSe the request's {@code Min-SE}, if any
     */
    static UasDecision answer(Optional<SessionExpires> requested, OptionalInt requestMinSe, boolean uacSupportsTimer,
                              int ourMinimum) {
        if (requested.isEmpty()) {
            return new NoTimer();
        }
        int floor = Math.max(ourMinimum, requestMinSe.orElse(0));
        int interval = requested.get().seconds();
        if (interval < ourMinimum) {
            if (uacSupportsTimer) {
                return new TooSmall(floor);
            }
            interval = floor;
        }
        Refresher refresher = !uacSupportsTimer ? Refresher.UAS : requested.get().refresher().orElse(Refresher.UAC);
        return new Timer(SessionExpires.of(interval, refresher), uacSupportsTimer);
    }

    /**
     * RFC 4028 §7.2: the timer a 2xx to our (re-)INVITE sets up, seen from us as the UAC: none without
     * {@code Session-Expires}; a 2xx that names no refresher (the UAS must name one) leaves the refreshing to us,
     * which keeps the session alive whatever the peer meant.
     *
     * @return the interval and whether we refresh
     */
    static Optional<Agreed> fromResponse(Optional<SessionExpires> inResponse) {
        return inResponse.map(se -> new Agreed(se.seconds(), se.refresher().orElse(Refresher.UAC) == Refresher.UAC));
    }

    /** An agreed session timer: its interval and whether we are the refresher. */
    record Agreed(int seconds, boolean weRefresh) {
    }

    /**
     * RFC 4028 §7.3: the interval to ask for after a 422 — its {@code Min-SE}, but never less than we asked for
     * before nor our own minimum; empty when the 422 carries no usable {@code Min-SE} (no retry then).
     */
    static OptionalInt afterTooSmall(OptionalInt minSeIn422, int askedBefore, int ourMinimum) {
        if (minSeIn422.isEmpty() || minSeIn422.getAsInt() <= askedBefore) {
            return OptionalInt.empty(); // nothing learnt: retrying would get the same 422
        }
        return OptionalInt.of(Math.max(minSeIn422.getAsInt(), ourMinimum));
    }

    /** When the refresher sends its refresh: at half the interval (RFC 4028 §10). */
    static Duration refreshAfter(int seconds) {
        return Duration.ofSeconds(seconds).dividedBy(2);
    }

    /**
     * When the non-refresher gives up and sends BYE: the interval minus the smaller of 32 s and a third of it
     * (RFC 4028 §10).
     */
    static Duration expireAfter(int seconds) {
        Duration interval = Duration.ofSeconds(seconds);
        Duration third = interval.dividedBy(3);
        return interval.minus(third.compareTo(MAX_GRACE) < 0 ? third : MAX_GRACE);
    }

    /** How soon a failed refresh is tried again: an eighth of the interval, at least 2 s. */
    static Duration retryAfter(int seconds) {
        Duration eighth = Duration.ofSeconds(seconds).dividedBy(8);
        return eighth.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : eighth;
    }
}
