package org.parley.media.msrp;

/**
 * Progress of a file being sent, as bytes the receiver acknowledged (200 responses and REPORTs).
 * Called on the session's reader thread: hand off, do not block.
 */
@FunctionalInterface
public interface SendProgress {
  SendProgress NONE = (acknowledged, total) -> { };

  void acknowledged(long bytes, long total);
}
