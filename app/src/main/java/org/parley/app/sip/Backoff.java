package org.parley.app.sip;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with ±20 % jitter. Not thread-safe: one per account, used on the core thread. */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private int failures;

    public Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public Duration next() {
        long millis = base.toMillis() << Math.min(failures, 20);
        failures++;
        long capped = Math.min(millis, cap.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
