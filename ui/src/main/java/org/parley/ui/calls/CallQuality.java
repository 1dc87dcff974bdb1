package org.parley.ui.calls;

import org.parley.app.call.CallStats;

/**
 * How a call sounds, judged from the receiving side's packet loss and jitter. Thresholds (inclusive upper bounds):
 * <ul>
 *   <li>{@link #GOOD}: loss at most {@value #GOOD_LOSS_PERCENT} % and jitter at most {@value #GOOD_JITTER_MS} ms:
 *       a jitter buffer and packet-loss concealment hide both entirely;</li>
 *   <li>{@link #FAIR}: loss at most {@value #FAIR_LOSS_PERCENT} % and jitter at most {@value #FAIR_JITTER_MS} ms:
 *       audible now and then (clipped syllables, added delay), still easy to talk over;</li>
 *   <li>{@link #POOR}: anything worse: words go missing.</li>
 * </ul>
 * The round-trip time is shown in the tooltip but not judged: it is unknown until the first RTCP report.
 */
public enum CallQuality {
    GOOD, FAIR, POOR;

    static final double GOOD_LOSS_PERCENT = 1.0;
    static final double GOOD_JITTER_MS = 30.0;
    static final double FAIR_LOSS_PERCENT = 5.0;
    static final double FAIR_JITTER_MS = 60.0;

    /** The verdict for one set of figures. */
    public static CallQuality of(CallStats stats) {
        return of(stats.lossPercent(), stats.jitterMillis());
    }

    static CallQuality of(double lossPercent, double jitterMillis) {
        if (lossPercent <= GOOD_LOSS_PERCENT && jitterMillis <= GOOD_JITTER_MS) {
            return GOOD;
        }
        if (lossPercent <= FAIR_LOSS_PERCENT && jitterMillis <= FAIR_JITTER_MS) {
            return FAIR;
        }
        return POOR;
    }
}
