package org.parley.media.stream;

/**
 * RFC 3550's interarrival jitter (section 6.4.1, appendix A.8) of the audio packets received, at
 * the clock rate of the codec that carries them. The RTP session measures jitter too, but at the
 * one clock rate fixed when its ports were opened, before SDP named the codec; this one follows the
 * codec.
 *
 * <p>Threading: {@link #update} and {@link #reset} by the network thread; {@link #millis} from any
 * thread. No allocation.
 */
final class InterarrivalJitter {
    private boolean known;
    private long lastTransitNanos;
    private double jitterNanos;
    private volatile double millis;

    /** One packet with RTP timestamp {@code timestamp} at {@code clockRate} arrived at {@code arrivalNanos}. */
    void update(long timestamp, int clockRate, long arrivalNanos) {
        long sentNanos = (timestamp & 0xFFFF_FFFFL) * 1_000_000_000L / clockRate;
        long transit = arrivalNanos - sentNanos;
        if (known) {
            long d = Math.abs(transit - lastTransitNanos);
            if (d < 10_000_000_000L) { // a timestamp wrap or a new source is not jitter
                jitterNanos += (d - jitterNanos) / 16;
                millis = jitterNanos / 1e6;
            }
        }
        known = true;
        lastTransitNanos = transit;
    }

    /** A new source or codec: the next packet starts over (the estimate is kept). */
    void reset() {
        known = false;
    }

    double millis() {
        return millis;
    }
}
