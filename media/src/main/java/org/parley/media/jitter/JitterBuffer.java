package org.parley.media.jitter;

import java.util.function.LongSupplier;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.Codec;

/**
 * Adaptive playout buffer for one incoming RTP audio stream: puts packets back in order, drops
 * duplicates and packets that come too late, and hands the playout thread one 20 ms frame at the
 * codec's sample rate on every {@link #poll}, decoded, rebuilt by FEC, concealed, or silent.
 *
 * <p><b>Delay.</b> A {@link DelayEstimator} turns arrival times into a target delay (one frame on a
 * clean network, up to 300 ms). Playout starts, and restarts after running dry, once the first
 * packet has waited the target less one frame. A missing packet is waited for (concealing
 * meanwhile) while fewer than the target's worth of frames have arrived behind it, then declared
 * lost: the decoder rebuilds it from the next packet's FEC when that packet is there, otherwise
 * conceals. Waiting makes the buffer grow at once on a spike; when the buffer stays a frame above
 * the target (by half a frame, smoothed) it shrinks by skipping one frame, preferably after a quiet frame and at least half a
 * second apart, so it shrinks slowly. The same two moves absorb clock drift between sender and
 * receiver.
 *
 * <p><b>Sequence.</b> 16-bit sequence numbers and 32-bit timestamps are extended across wrap-around.
 * A jump of more than 3000 forward or 100 back is taken for a sender restart once a second packet
 * follows it in sequence (RFC 3550 appendix A.1); the buffer then starts over with a new decoder, as
 * it does after {@link #sourceChanged()}.
 *
 * <p><b>Threading.</b> {@link #offer} and {@link #sourceChanged} are called by the network thread,
 * {@link #poll} by the playout thread, {@link #statistics} by any thread. One short monitor guards
 * the packet slots, the estimator and the counters: {@code offer} holds it to copy one payload into
 * a preallocated slot, {@code poll} to choose what to play and copy at most two payloads out; the
 * decoder runs after {@code poll} releases it, so the network thread never waits for decoding.
 * Neither call allocates, except {@code poll} creating a fresh decoder after a sender restart.
 *
 * <p><b>Packets.</b> Parley offers ptime 20: each packet is taken to carry one 20 ms frame. A shorter
 * packet's frame is completed with silence; a payload over 1500 bytes is ignored.
 */
public final class JitterBuffer {
  private static final int FRAME_MS = 20;
  private static final int MAX_DROPOUT = 3000;
  private static final int MAX_MISORDER = 100;
  /** Frames concealed from an empty buffer before playout stops and refills. */
  private static final int UNDERRUN_LIMIT = 5;
  private static final double LEVEL_SMOOTHING = 1.0 / 16;
  /** How far the smoothed level must exceed the target, in frames, before shrinking is considered. */
  private static final double SHRINK_EXCESS_FRAMES = 0.5;
  /** Polls the level must stay above target before a quiet frame is skipped. */
  private static final int SHRINK_AFTER_POLLS = 25;
  /** Polls above target after which a frame is skipped even if it is not quiet. */
  private static final int FORCE_SHRINK_AFTER_POLLS = 100;
  /** RMS below which a frame counts as quiet (about -38 dBFS). */
  private static final double QUIET_RMS = 400;

  private final Codec codec;
  private final LongSupplier clock;
  private final int samplesPerFrame;
  private final Object lock = new Object();
  private final PacketRing ring = new PacketRing();
  private final DelayEstimator estimator;
  private final AddedDelay addedDelay = new AddedDelay();

  // Guarded by lock: the stream as received.
  private boolean haveSource;
  private long firstSeq;
  private long highestSeq;
  private long highestTimestamp;
  private int probation = -1;
  private long sourceReceived;
  private long lostInEarlierSources;
  // Guarded by lock: playout position.
  private boolean playing;
  private long nextSeq = Long.MIN_VALUE;
  private long refillStartNanos = Long.MIN_VALUE;
  private int underruns;
  private double smoothedLevel;
  private int pollsAboveTarget;
  private boolean decoderStale;
  // Guarded by lock: counters.
  private long received;
  private long late;
  private long duplicates;
  private long reordered;
  private long decoded;
  private long concealed;
  private long fecRecovered;
  private long dropped;

  // Playout thread only.
  private AudioDecoder decoder;
  private double lastRms; // read under the lock, but only ever by the playout thread
  private final byte[] packet = new byte[PacketRing.MAX_PAYLOAD];
  private final byte[] nextPacket = new byte[PacketRing.MAX_PAYLOAD];
  private final byte[] skippedPacket = new byte[PacketRing.MAX_PAYLOAD];
  private final short[] discard;

  /** A buffer for a stream in {@code codec}, timed by {@link System#nanoTime()}. */
  public JitterBuffer(Codec codec) {
    this(codec, System::nanoTime);
  }

  /**
   * A buffer timed by {@code clock}, which must use the same time base as the arrival times given to
   * {@link #offer} (tests pass a simulated clock).
   */
  public JitterBuffer(Codec codec, LongSupplier clock) {
    this.codec = codec;
    this.clock = clock;
    this.samplesPerFrame = codec.samplesPerFrame();
    this.estimator = new DelayEstimator(codec.clockRate(), FRAME_MS);
    this.decoder = codec.newDecoder();
    this.discard = new short[samplesPerFrame];
  }

  /**
   * Takes one received packet. Network thread only; copies the payload, so the caller may reuse its
   * array at once.
   *
   * @param seq16 the RTP sequence number (low 16 bits are used)
   * @param timestamp32 the RTP timestamp (low 32 bits are used)
   * @param arrivalNanos when the packet arrived, on this buffer's clock
   */
  public void offer(int seq16, long timestamp32, byte[] payload, int off, int len, long arrivalNanos) {
    if (len <= 0 || len > PacketRing.MAX_PAYLOAD) {
      return;
    }
    int seq16Bits = seq16 & 0xFFFF;
    long ts32 = timestamp32 & 0xFFFF_FFFFL;
    synchronized (lock) {
      if (!haveSource) {
        startSource(seq16Bits, ts32);
      }
      int delta = (short) (seq16Bits - (int) (highestSeq & 0xFFFF));
      if (delta > MAX_DROPOUT || delta < -MAX_MISORDER) {
        if (seq16Bits != probation) {
          probation = (seq16Bits + 1) & 0xFFFF;
          return;
        }
        restart();
        startSource(seq16Bits, ts32);
        delta = 0;
      }
      probation = -1;
      long seq = highestSeq + delta;
      byte state = ring.state(seq);
      if (state == PacketRing.WAITING || state == PacketRing.DONE) {
        duplicates++;
        return;
      }
      received++;
      sourceReceived++;
      firstSeq = Math.min(firstSeq, seq);
      if (seq < highestSeq) {
        reordered++;
      }
      if (seq < nextSeq) {
        late++;
        ring.markDone(seq);
        return;
      }
      if (playing && seq - nextSeq >= PacketRing.CAPACITY) {
        resynchronize(); // playout is more than a ring behind: start again from here
      }
      if (ring.displacesWaiting(seq)) {
        dropped++;
      }
      ring.store(seq, payload, off, len, arrivalNanos);
      long timestamp = highestTimestamp + (int) (ts32 - (highestTimestamp & 0xFFFF_FFFFL));
      if (seq > highestSeq) {
        highestSeq = seq;
        highestTimestamp = timestamp;
      }
      estimator.arrived(timestamp, arrivalNanos);
      if (!playing && refillStartNanos == Long.MIN_VALUE) {
        refillStartNanos = arrivalNanos;
      }
    }
  }

  /** The sender's SSRC changed: forget the old stream. Network thread only. */
  public void sourceChanged() {
    synchronized (lock) {
      restart();
    }
  }

  /**
   * Writes the next 20 ms ({@link Codec#samplesPerFrame()} samples at the codec's rate) into {@code
   * pcm}. Playout thread only, every 20 ms.
   */
  public Playout poll(short[] pcm) {
    long now = clock.getAsLong();
    Playout result;
    int length = 0;
    int skippedLength = 0;
    boolean newDecoder;
    synchronized (lock) {
      newDecoder = decoderStale;
      decoderStale = false;
      int targetFrames = Math.max(1, (estimator.targetMs() + FRAME_MS - 1) / FRAME_MS);
      if (!playing) {
        startIfFilled(now, targetFrames);
      }
      if (!playing) {
        result = Playout.SILENCE;
      } else {
        long level = highestSeq - nextSeq + 1;
        smoothedLevel += (level - smoothedLevel) * LEVEL_SMOOTHING;
        if (ring.isWaiting(nextSeq)) {
          underruns = 0;
          if (shrinkDue(targetFrames) && ring.isWaiting(nextSeq + 1)) {
            skippedLength = ring.copy(nextSeq, skippedPacket);
            ring.markDone(nextSeq++);
            dropped++;
            smoothedLevel -= 1;
            pollsAboveTarget = 0;
          }
          length = ring.copy(nextSeq, packet);
          addedDelay.add(now - ring.arrivalNanos(nextSeq));
          ring.markDone(nextSeq++);
          decoded++;
          result = Playout.DECODED;
        } else if (highestSeq > nextSeq) {
          underruns = 0;
          result = Playout.CONCEALED;
          if (highestSeq - nextSeq >= targetFrames) {
            ring.markMissed(nextSeq);
            if (ring.isWaiting(nextSeq + 1)) {
              length = ring.copy(nextSeq + 1, nextPacket);
              result = Playout.FEC_RECOVERED;
            }
            nextSeq++;
          }
        } else if (++underruns > UNDERRUN_LIMIT) {
          playing = false;
          refillStartNanos = Long.MIN_VALUE;
          result = Playout.SILENCE;
        } else {
          result = Playout.CONCEALED;
        }
        if (result == Playout.CONCEALED) {
          concealed++;
        } else if (result == Playout.FEC_RECOVERED) {
          fecRecovered++;
        }
      }
    }
    if (newDecoder) {
      decoder = codec.newDecoder();
    }
    render(result, length, skippedLength, pcm);
    lastRms = rms(pcm, samplesPerFrame);
    return result;
  }

  /** Decodes outside the lock. An undecodable payload is concealed instead. */
  private void render(Playout what, int length, int skippedLength, short[] pcm) {
    int n;
    switch (what) {
      case DECODED -> {
        if (skippedLength > 0) {
          decodeOrConceal(skippedPacket, skippedLength, discard);
        }
        n = decodeOrConceal(packet, length, pcm);
      }
      case FEC_RECOVERED -> n = decoder.recover(nextPacket, 0, length, pcm);
      case CONCEALED -> n = decoder.conceal(pcm);
      default -> n = 0;
    }
    for (int i = Math.max(0, n); i < samplesPerFrame; i++) {
      pcm[i] = 0;
    }
  }

  private int decodeOrConceal(byte[] payload, int length, short[] pcm) {
    try {
      return decoder.decode(payload, 0, length, pcm);
    } catch (IllegalArgumentException e) {
      return decoder.conceal(pcm);
    }
  }

  /** A snapshot of the counters and the current delays. Any thread. */
  public JitterStatistics statistics() {
    synchronized (lock) {
      long lost = lostInEarlierSources + lostInThisSource();
      int bufferedFrames;
      if (playing) {
        bufferedFrames = (int) Math.max(0, highestSeq - nextSeq + 1);
      } else {
        long lowest = ring.lowestWaiting();
        bufferedFrames = lowest == Long.MAX_VALUE ? 0 : (int) (highestSeq - lowest + 1);
      }
      return new JitterStatistics(received, lost, late, duplicates, reordered, decoded, concealed,
          fecRecovered, dropped, estimator.targetMs(), bufferedFrames * FRAME_MS,
          addedDelay.meanMs(), addedDelay.p95Ms());
    }
  }

  private void startIfFilled(long now, int targetFrames) {
    if (refillStartNanos == Long.MIN_VALUE
        || now - refillStartNanos < (long) (targetFrames - 1) * FRAME_MS * 1_000_000L) {
      return;
    }
    long first = ring.lowestWaiting();
    if (first == Long.MAX_VALUE) {
      return;
    }
    playing = true;
    nextSeq = Math.max(first, nextSeq);
    underruns = 0;
    pollsAboveTarget = 0;
    smoothedLevel = highestSeq - nextSeq + 1;
  }

  private boolean shrinkDue(int targetFrames) {
    if (smoothedLevel > targetFrames + SHRINK_EXCESS_FRAMES) {
      pollsAboveTarget++;
    } else {
      pollsAboveTarget = 0;
    }
    return pollsAboveTarget >= FORCE_SHRINK_AFTER_POLLS
        || (pollsAboveTarget >= SHRINK_AFTER_POLLS && lastRms < QUIET_RMS);
  }

  private long lostInThisSource() {
    return haveSource ? Math.max(0, highestSeq - firstSeq + 1 - sourceReceived) : 0;
  }

  private void startSource(int seq16, long ts32) {
    haveSource = true;
    firstSeq = seq16;
    highestSeq = seq16;
    highestTimestamp = ts32;
    sourceReceived = 0;
    nextSeq = Long.MIN_VALUE;
  }

  /** Forgets the current sender; the next packet starts a new one. */
  private void restart() {
    lostInEarlierSources += lostInThisSource();
    haveSource = false;
    probation = -1;
    resynchronize();
    estimator.reset();
    decoderStale = true;
  }

  /** Discards waiting packets and refills before playing again. */
  private void resynchronize() {
    for (long seq = nextSeq == Long.MIN_VALUE ? highestSeq - PacketRing.CAPACITY + 1 : nextSeq;
        seq <= highestSeq; seq++) {
      if (ring.isWaiting(seq)) {
        dropped++;
      }
    }
    ring.clear();
    playing = false;
    refillStartNanos = Long.MIN_VALUE;
  }

  private static double rms(short[] pcm, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (double) pcm[i] * pcm[i];
    }
    return Math.sqrt(sum / n);
  }
}
