package org.parley.media.audio;

import java.io.IOException;

/**
 * Where a call's incoming audio goes: a speaker or a file.
 *
 * <p>Threading: used by exactly one media thread; {@link #close()} may be called from any thread.
 */
public interface AudioSink extends AutoCloseable {

  /**
   * Plays or stores one 20 ms frame (length {@link Pcm#FRAME_SAMPLES}). A device blocks while its
   * buffer is full, so it paces its caller in real time; a device that disappears falls back to the
   * default device or drops audio, it does not throw.
   *
   * @throws IOException only when the sink cannot take audio at all (disk full)
   */
  void write(short[] frame) throws IOException;

  /** Peak level of the last frame written, 0.0 to 1.0; for level meters. */
  double level();

  @Override
  void close();
}
