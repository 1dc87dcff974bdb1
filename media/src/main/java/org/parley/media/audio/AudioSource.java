package org.parley.media.audio;

import java.io.IOException;

/**
 * Where a call's outgoing audio comes from: a microphone or a file.
 *
 * <p>Threading: used by exactly one media thread; {@link #close()} may be called from any thread
 * and makes a blocked {@link #read} return.
 */
public interface AudioSource extends AutoCloseable {

  /**
   * Fills {@code frame} (length {@link Pcm#FRAME_SAMPLES}) with the next 20 ms. A device blocks until
   * the frame has been captured, so it paces its caller in real time. A device that disappears
   * delivers silence or switches to the default device; it does not throw.
   *
   * @return false at the end of a finite source (a file not set to loop) or after close
   * @throws IOException only when the source cannot deliver at all (unreadable file)
   */
  boolean read(short[] frame) throws IOException;

  /** Peak level of the last frame read, 0.0 (silence) to 1.0 (full scale); for level meters. */
  double level();

  @Override
  void close();
}
