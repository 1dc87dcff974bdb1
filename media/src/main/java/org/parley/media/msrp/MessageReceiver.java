package org.parley.media.msrp;

/**
 * What a session does with the peer's messages. The session answers SENDs (200 or the sink's
 * failure code), generates success reports and handles path checks itself.
 *
 * <p>Threading: {@link #chunk} and {@link #report} run on the session's reader thread, one at a
 * time, in arrival order; they may write to disk (that is the back-pressure) but must not wait on
 * other threads. {@link #closed} runs once, on whichever thread closed the session.
 */
public interface MessageReceiver {
  /** A SEND chunk with a body arrived: return where its body goes. */
  ChunkSink chunk(IncomingChunk chunk);

  /** A REPORT arrived for a message not sent through a {@link FileSender} of this session. */
  default void report(MsrpReport report) {
  }

  /**
   * Whether this receiver sends the success REPORT of a complete message itself, once it has checked
   * it (a file's hash, a virus scan): then the session hands it a {@link HeldReport} instead of
   * reporting at once. Asked on the reader thread when a message completes with 200.
   */
  default boolean holdsSuccessReport() {
    return false;
  }

  /** The REPORT of a complete message, for a receiver that {@link #holdsSuccessReport holds} it. */
  default void successReportHeld(HeldReport report) {
  }

  /** The session closed: {@code reason} says why in plain words ("closed" when closed locally). */
  default void closed(String reason) {
  }
}
