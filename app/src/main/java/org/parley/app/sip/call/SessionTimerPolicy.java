package org.parley.app.sip.call;

/**
 * What Parley accepts and asks for in session timers (RFC 4028).
 *
 * @param minimumSeconds   the shortest session interval we accept (our {@code Min-SE}); RFC 4028 §5 makes 90 s
 *                         the floor for real use; tests go lower (through {@code CoreOptions.withSessionTimers})
 *                         to keep runs short
 * @param requestedSeconds the interval we ask for in our INVITEs ({@code refresher=uac}); 0 asks for none and
 *                         only sends {@code Supported: timer}
 */
public record SessionTimerPolicy(int minimumSeconds, int requestedSeconds) {
    /** RFC 4028 §4 recommends 1800 s; §5 sets 90 s as the smallest Min-SE. */
    public static final SessionTimerPolicy STANDARD = new SessionTimerPolicy(90, 1800);

    public SessionTimerPolicy {
        if (minimumSeconds < 1 || requestedSeconds < 0
                || (requestedSeconds > 0 && requestedSeconds < minimumSeconds)) {
            throw new IllegalArgumentException("session timer minimum " + minimumSeconds + " s, request "
                    + requestedSeconds + " s");
        }
    }
}
