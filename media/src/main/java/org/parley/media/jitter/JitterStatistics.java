package org.parley.media.jitter;

/**
 * A snapshot of one {@link JitterBuffer}'s counters, cumulative since it was created (across sender
 * restarts).
 *
 * @param received unique packets that arrived, late ones included
 * @param lost packets that never arrived: sequence numbers expected minus unique packets received,
 *     as RTCP counts them (RFC 3550 §6.4.1)
 * @param late packets that arrived after their turn to play had passed; discarded
 * @param duplicates copies of packets already received; discarded
 * @param reordered packets that arrived after one with a higher sequence number
 * @param decoded frames played from their own packet
 * @param concealed frames made up by the decoder's concealment (losses, late packets, underruns)
 * @param fecRecovered lost frames rebuilt from the next packet's forward error correction
 * @param dropped received frames skipped to shorten the delay
 * @param targetDelayMs the delay playout currently aims for
 * @param bufferedMs audio waiting in the buffer now
 * @param meanAddedDelayMs mean time from a packet's arrival to its playout
 * @param p95AddedDelayMs 95th percentile of that time
 */
public record JitterStatistics(
    long received,
    long lost,
    long late,
    long duplicates,
    long reordered,
    long decoded,
    long concealed,
    long fecRecovered,
    long dropped,
    int targetDelayMs,
    int bufferedMs,
    double meanAddedDelayMs,
    int p95AddedDelayMs) {}
