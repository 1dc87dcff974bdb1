package org.parley.media.stream;

import org.parley.media.jitter.JitterStatistics;
import org.parley.media.rtp.CallQuality;

/**
 * A snapshot of a stream's quality for a UI indicator or a call log.
 *
 * @param rtp the RTP session's counters and RTCP figures; its {@code jitterMillis} is measured at
 *     the clock rate of the codec being received
 * @param jitter the playout buffer's counters and delays (of the codec currently received; all
 *     zero before the first packet)
 * @param codec the codec being sent, as {@code name/clockRate}, e.g. "PCMU/8000", or "" before start
 */
public record StreamQuality(CallQuality rtp, JitterStatistics jitter, String codec) {

    /** Before {@link AudioStream#start}: nothing sent or received. */
    static final JitterStatistics NO_JITTER =
            new JitterStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
