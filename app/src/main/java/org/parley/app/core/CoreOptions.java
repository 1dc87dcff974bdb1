package org.parley.app.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.parley.app.sip.call.SessionTimerPolicy;

/**
 * Settings of one core instance (not of an account).
 *
 * @param bindAddress     local address the SIP stack listens on ("0.0.0.0" in production, "127.0.0.1" in tests)
 * @param port            local SIP port for UDP and TCP (TLS uses port+1); 0 picks free ports
 * @param maxMessageBytes policy: largest MESSAGE body accepted or sent (UTF-8 bytes)
 * @param userAgent       value of the User-Agent header
 * @param keepAlive       interval of keep-alives and registration checks while registered
 * @param retryBase       first delay before re-registering after a failure; doubles up to {@code retryCap}
 * @param retryCap        longest delay between registration attempts
 * @param codecs          audio codecs calls may use, by SDP encoding name ("opus", "G722", "PCMU", "PCMA"),
 *                        offered in this list's order; empty = every codec Parley has, in its preference order
 *                        (the same four)
 * @param ring            ring while a call comes in (the desktop app; not the CLI), on the ringing device of
 *                        {@code Parley.setCallPreferences} (the default speaker until one is set)
 * @param callWaiting     a call that comes in during a call rings too; false: it is refused as busy (486). The
 *                        initial value: {@code Parley.setCallPreferences} changes it at run time
 * @param sessionTimers   the session intervals (RFC 4028) calls accept and ask for; {@link SessionTimerPolicy#STANDARD}
 *                        (Min-SE 90 s, 1800 s asked) unless a test needs calls to expire within seconds
 */
public record CoreOptions(String bindAddress, int port, int maxMessageBytes, String userAgent,
                          Duration keepAlive, Duration retryBase, Duration retryCap, List<String> codecs,
                          boolean ring, boolean callWaiting, SessionTimerPolicy sessionTimers) {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

    public CoreOptions {
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(sessionTimers, "sessionTimers");
    }

    public static CoreOptions defaults() {
        return new CoreOptions("0.0.0.0", 0, DEFAULT_MAX_MESSAGE_BYTES, "Parley/0.1",
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), List.of(), false, true,
                SessionTimerPolicy.STANDARD);
    }

    public CoreOptions withBindAddress(String address) {
        return new CoreOptions(address, port, maxMessageBytes, userAgent, keepAlive, retryBase, retryCap,
                codecs, ring, callWaiting, sessionTimers);
    }

    public CoreOptions withPort(int localPort) {
        return new CoreOptions(bindAddress, localPort, maxMessageBytes, userAgent, keepAlive, retryBase, retryCap,
                codecs, ring, callWaiting, sessionTimers);
    }

    public CoreOptions withKeepAlive(Duration interval) {
        return new CoreOptions(bindAddress, port, maxMessageBytes, userAgent, interval, retryBase, retryCap,
                codecs, ring, callWaiting, sessionTimers);
    }

    public CoreOptions withRetry(Duration base, Duration cap) {
        return new CoreOptions(bindAddress, port, maxMessageBytes, userAgent, keepAlive, base, cap,
                codecs, ring, callWaiting, sessionTimers);
    }

    /** Calls use only these codecs, in this order (see {@link #codecs()}). */
    public CoreOptions withCodecs(List<String> names) {
        return new CoreOptions(bindAddress, port, maxMessageBytes, userAgent, keepAlive, retryBase, retryCap,
                names, ring, callWaiting, sessionTimers);
    }

    /** Rings for incoming calls (on the ringing device, see {@link #ring()}). */
    public CoreOptions withRinging(boolean on) {
        return new CoreOptions(bindAddress, port, maxMessageBytes, userAgent, keepAlive, retryBase, retryCap, codecs,
                on, callWaiting, sessionTimers);
    }

    /** Whether a call during a call rings ({@code true}, the default) or is refused as busy. */
    public CoreOptions withCallWaiting(boolean on) {
        return new CoreOptions(bindAddress, port, maxMessageBytes, userAgent, keepAlive, retryBase, retryCap, codecs,
                ring, on, sessionTimers);
    }

    /** Session timers as {@code policy} says (see {@link #sessionTimers()}). */
    public CoreOptions withSessionTimers(SessionTimerPolicy policy) {
        return new CoreOptions(bindAddress, port, maxMessageBytes, userAgent, keepAlive, retryBase, retryCap, codecs,
                ring, callWaiting, policy);
    }

    public CoreOptions withMaxMessageBytes(int bytes) {
        return new CoreOptions(bindAddress, port, bytes, userAgent, keepAlive, retryBase, retryCap,
                codecs, ring, callWaiting, sessionTimers);
    }
}
