package org.parley.media.srtp;

/**
 * A bounded table of per-SSRC contexts, all allocated up front. When it is full a new SSRC takes
 * the least recently used context, so a flood of SSRCs cannot grow memory. Lookups scan linearly:
 * a call carries one or two SSRCs per direction. Not thread-safe: owned by one transform.
 */
final class SsrcTable {
  private final StreamState[] states;
  private long clock;

  SsrcTable(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("At least one SSRC context is needed.");
    }
    states = new StreamState[capacity];
    for (int i = 0; i < capacity; i++) {
      states[i] = new StreamState();
    }
  }

  /** The context of {@code ssrc}, marked as used now; null when there is none yet. */
  StreamState find(int ssrc) {
    for (StreamState s : states) {
      if (s.inUse && s.ssrc == ssrc) {
        s.lastUse = ++clock;
        return s;
      }
    }
    return null;
  }

  /** A fresh context for {@code ssrc}: a free one, or else the least recently used one, reset. */
  StreamState claim(int ssrc) {
    StreamState victim = states[0];
    for (StreamState s : states) {
      if (!s.inUse) {
        victim = s;
        break;
      }
      if (s.lastUse < victim.lastUse) {
        victim = s;
      }
    }
    victim.claim(ssrc, ++clock);
    return victim;
  }
}
