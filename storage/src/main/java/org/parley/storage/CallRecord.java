package org.parley.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished call as stored. Times are kept with millisecond precision.
 *
 * @param id        database id, increasing in insertion order (the order calls ended, not started)
 * @param account   address of record of the local account
 * @param peer      address of record of the other side
 * @param direction OUT if we called, IN if we were called
 * @param started   when the INVITE was sent or received
 * @param answered  when the call was answered (2xx sent or received); empty if it never was
 * @param ended     when the call ended
 * @param endReason the core's stable end code: "hangup", "remote_hangup", "busy", "declined", "no_answer",
 *                  "cancelled", "rejected", "failed" (stored as given; unknown codes are kept)
 * @param codec     the audio codec used (e.g. "opus"), "" if media never started
 */
public record CallRecord(long id, String account, String peer, Direction direction, Instant started,
                         Optional<Instant> answered, Instant ended, String endReason, String codec) {

    /** Every component is required; NullPointerException names the missing one. */
    public CallRecord {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(endReason, "endReason");
        Objects.requireNonNull(codec, "codec");
    }

    /** Time from answer to end; zero if the call was never answered (or the clock went backwards). */
    public Duration talked() {
        return answered.map(a -> Duration.between(a, ended)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }

    /** An incoming call that was never answered (whatever ended it: the caller gave up, we declined, timeout). */
    public boolean missed() {
        return direction == Direction.IN && answered.isEmpty();
    }
}
