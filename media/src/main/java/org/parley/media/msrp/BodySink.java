package org.parley.media.msrp;

/**
 * Receives a frame body as it arrives, in slices of the reader's buffer. The bytes are valid only
 * during the call. A sink never throws: it records its own failure (a full disk, a file that is too
 * long) and reports it when the chunk ends.
 */
@FunctionalInterface
public interface BodySink {
  /** A sink that drops everything. */
  BodySink DISCARD = (bytes, offset, length) -> { };

  void write(byte[] bytes, int offset, int length);
}
