package org.parley.media.jitter;

/** What {@link JitterBuffer#poll} put into the frame. */
public enum Playout {
  /** A received packet, decoded. */
  DECODED,
  /** A lost packet rebuilt from the forward error correction carried by the next one. */
  FEC_RECOVERED,
  /** The decoder's concealment: a packet was lost or late, or the buffer ran dry and waits. */
  CONCEALED,
  /** Silence: nothing has been received yet, or playout waits to refill after a gap or a restart. */
  SILENCE
}
