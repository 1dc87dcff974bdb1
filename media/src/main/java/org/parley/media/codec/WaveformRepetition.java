package org.parley.media.codec;

/**
 * Packet-loss concealment for waveform codecs, after ITU-T G.711 Appendix I, simplified: on a loss
 * the last pitch period of the played signal (found by normalized cross-correlation over lags of
 * 5–15 ms) is repeated; the first 10 ms keep full level, then the level falls by a fifth every 10 ms,
 * so a loss longer than 60 ms is silent. The first good frame after a loss is cross-faded from the
 * continued repetition over 4 ms.
 *
 * <p>Not thread-safe: owned by one decoder. Allocates only in its constructor.
 */
final class WaveformRepetition {
  private final int minLag;
  private final int maxLag;
  private final int window;
  private final int fullLevelSamples;
  private final int fadeSamples;
  private final int crossfadeSamples;
  private final short[] history;
  private final short[] period;
  private int periodLength;
  private int periodPos;
  private int lostSamples;

  /** @param sampleRate 8000 or 16000 */
  WaveformRepetition(int sampleRate) {
    int perMs = sampleRate / 1000;
    minLag = 5 * perMs;
    maxLag = 15 * perMs;
    window = 20 * perMs;
    fullLevelSamples = 10 * perMs;
    fadeSamples = 50 * perMs;
    crossfadeSamples = 4 * perMs;
    history = new short[maxLag + window];
    period = new short[maxLag];
  }

  /**
   * Passes a correctly decoded frame through: after a loss its start is cross-faded from the
   * concealment; then it becomes the history that a later loss repeats.
   */
  void received(short[] pcm, int count) {
    if (lostSamples > 0) {
      int n = Math.min(crossfadeSamples, count);
      for (int i = 0; i < n; i++) {
        float w = (float) (i + 1) / (n + 1);
        pcm[i] = (short) Math.round(w * pcm[i] + (1 - w) * nextSynthetic());
      }
      lostSamples = 0;
    }
    remember(pcm, count);
  }

  /** Writes {@code count} samples of concealment for a lost frame. */
  void conceal(short[] pcm, int count) {
    if (lostSamples == 0) {
      startRepetition();
    }
    for (int i = 0; i < count; i++) {
      pcm[i] = nextSynthetic();
    }
    remember(pcm, count);
  }

  private short nextSynthetic() {
    float gain;
    if (lostSamples < fullLevelSamples) {
      gain = 1f;
    } else {
      gain = Math.max(0f, 1f - (float) (lostSamples - fullLevelSamples) / fadeSamples);
    }
    short s = period[periodPos];
    periodPos = periodPos + 1 == periodLength ? 0 : periodPos + 1;
    lostSamples++;
    return (short) Math.round(s * gain);
  }

  private void startRepetition() {
    periodLength = pitchLag();
    System.arraycopy(history, history.length - periodLength, period, 0, periodLength);
    periodPos = 0;
  }

  /** The lag in [minLag, maxLag] whose segment best matches the most recent window. */
  private int pitchLag() {
    int end = history.length;
    int start = end - window; // the newest 20 ms against the same span lag samples earlier
    int best = minLag;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int lag = minLag; lag <= maxLag; lag++) {
      double cross = 0;
      double energy = 1e-9;
      for (int i = start; i < end; i++) {
        int past = history[i - lag];
        cross += (double) history[i] * past;
        energy += (double) past * past;
      }
      double score = cross / Math.sqrt(energy);
      if (score > bestScore) {
        bestScore = score;
        best = lag;
      }
    }
    return best;
  }

  private void remember(short[] pcm, int count) {
    int n = Math.min(count, history.length);
    System.arraycopy(history, n, history, 0, history.length - n);
    System.arraycopy(pcm, count - n, history, history.length - n, n);
  }
}
