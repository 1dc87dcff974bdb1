package org.parley.media.rtp;

/**
 * Reception statistics of one remote source, as RFC 3550 defines them: sequence validation and
 * extension (appendix A.1), expected and lost packets (A.3), interarrival jitter (A.8), plus counts
 * of duplicates and reordered packets.
 *
 * <p>Not thread-safe: the session's media thread owns it. No allocation per packet.
 */
public final class ReceptionStatistics {
  static final int MAX_DROPOUT = 3000;
  static final int MAX_MISORDER = 100;
  static final int MIN_SEQUENTIAL = 2;
  private static final int SEQ_MOD = 1 << 16;

  private int clockRate;
  private final SeenWindow seen = new SeenWindow();
  private boolean started;
  private int maxSeq;
  private long cycles;
  private long baseSeq;
  private int badSeq;
  private int probation;
  private long received;
  private long expectedPrior;
  private long receivedPrior;
  private long duplicates;
  private long reordered;
  private boolean transitKnown;
  private long transit;
  private long jitter16;

  /** @param clockRate the RTP clock rate of the stream, for {@link #jitterMillis()} */
  public ReceptionStatistics(int clockRate) {
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clock rate " + clockRate);
    }
    this.clockRate = clockRate;
  }

  /**
   * The stream's clock rate changed (SDP agreed on a codec with another RTP clock): the jitter
   * estimate is rescaled to the new units and the next packet starts a new transit time; sequence
   * counts are kept.
   */
  public void changeClockRate(int rate) {
    if (rate <= 0) {
      throw new IllegalArgumentException("clock rate " + rate);
    }
    if (rate == clockRate) {
      return;
    }
    jitter16 = jitter16 * rate / clockRate;
    clockRate = rate;
    transitKnown = false;
  }

  /** Forgets everything: the next packet starts a new source on probation. */
  public void reset() {
    started = false;
    received = 0;
    expectedPrior = 0;
    receivedPrior = 0;
    duplicates = 0;
    reordered = 0;
    transitKnown = false;
    jitter16 = 0;
    cycles = 0;
    seen.reset();
  }

  /**
   * Accounts for one packet.
   *
   * @param seq the packet's 16-bit sequence number
   * @param rtpTimestamp the packet's timestamp (any 32-bit value)
   * @param arrival the arrival time in timestamp units on a clock of the caller's choosing
   */
  public Arrival update(int seq, long rtpTimestamp, long arrival) {
    if (!started) {
      started = true;
      init(seq);
      maxSeq = (seq - 1) & 0xFFFF;
      probation = MIN_SEQUENTIAL;
    }
    Arrival outcome = updateSequence(seq);
    if (outcome == Arrival.DUPLICATE) {
      duplicates++;
    } else if (outcome == Arrival.LATE) {
      reordered++;
    }
    if (outcome == Arrival.IN_ORDER || outcome == Arrival.LATE) {
      updateJitter(rtpTimestamp, arrival);
    }
    return outcome;
  }

  private void init(int seq) {
    baseSeq = seq;
    maxSeq = seq;
    badSeq = SEQ_MOD + 1;
    cycles = 0;
    received = 0;
    receivedPrior = 0;
    expectedPrior = 0;
    seen.reset();
  }

  private Arrival updateSequence(int seq) {
    int udelta = (seq - maxSeq) & 0xFFFF;
    if (probation > 0) {
      if (seq == ((maxSeq + 1) & 0xFFFF)) {
        probation--;
        maxSeq = seq;
        if (probation == 0) {
          init(seq);
          received++;
          seen.mark(seq);
          return Arrival.IN_ORDER;
        }
      } else {
        probation = MIN_SEQUENTIAL - 1;
        maxSeq = seq;
      }
      return Arrival.PROBATION;
    }
    if (udelta < MAX_DROPOUT) {
      if (seq < maxSeq) {
        cycles += SEQ_MOD;
      }
      maxSeq = seq;
      received++;
      return seen.mark(cycles + seq) ? Arrival.IN_ORDER : Arrival.DUPLICATE;
    }
    if (udelta <= SEQ_MOD - MAX_MISORDER) {
      if (seq == badSeq) {
        init(seq);
        received++;
        seen.mark(seq);
        return Arrival.IN_ORDER;
      }
      badSeq = (seq + 1) & (SEQ_MOD - 1);
      return Arrival.BAD_JUMP;
    }
    received++;
    long ext = seq <= maxSeq ? cycles + seq : cycles - SEQ_MOD + seq;
    return seen.mark(ext) ? Arrival.LATE : Arrival.DUPLICATE;
  }

  private void updateJitter(long rtpTimestamp, long arrival) {
    long t = (arrival - rtpTimestamp) & 0xFFFF_FFFFL;
    if (!transitKnown) {
      transitKnown = true;
      transit = t;
      return;
    }
    long d = (int) (t - transit);
    transit = t;
    if (d < 0) {
      d = -d;
    }
    jitter16 += d - ((jitter16 + 8) >> 4);
  }

  /** Whether the source has passed probation (at least one valid packet). */
  public boolean valid() {
    return started && probation == 0;
  }

  /** The extended highest sequence number received: cycles in the high 16 bits. */
  public long extendedHighestSequence() {
    return cycles + maxSeq;
  }

  public long expected() {
    return valid() ? extendedHighestSequence() - baseSeq + 1 : 0;
  }

  /** Packets received, duplicates and late ones included (RFC 3550 6.4.1). */
  public long received() {
    return received;
  }

  /** Cumulative lost: expected minus received; negative when duplicates outnumber losses. */
  public long cumulativeLost() {
    return expected() - received;
  }

  /** The cumulative lost clamped to the 24-bit signed field of a report block. */
  public int cumulativeLostField() {
    return (int) Math.max(-0x800000L, Math.min(0x7FFFFFL, cumulativeLost()));
  }

  /**
   * The fraction lost since the previous call, in 1/256 (0..255), and starts a new interval (A.3).
   * Called once per report sent.
   */
  public int fractionLostSinceLastReport() {
    long expected = expected();
    long expectedInterval = expected - expectedPrior;
    expectedPrior = expected;
    long receivedInterval = received - receivedPrior;
    receivedPrior = received;
    long lostInterval = expectedInterval - receivedInterval;
    if (expectedInterval == 0 || lostInterval <= 0) {
      return 0;
    }
    return (int) ((lostInterval << 8) / expectedInterval);
  }

  /** Interarrival jitter in timestamp units, as written in a report block. */
  public long jitter() {
    return jitter16 >> 4;
  }

  public double jitterMillis() {
    return jitter16 / 16.0 * 1000.0 / clockRate;
  }

  public long duplicates() {
    return duplicates;
  }

  public long reordered() {
    return reordered;
  }

  public int clockRate() {
    return clockRate;
  }
}
