package org.parley.media.msrp;

/** How sending one file over MSRP ended. */
public sealed interface SendOutcome {
  /** The receiver confirmed every byte with a success REPORT (after verifying the file). */
  record Delivered(long bytes) implements SendOutcome {
  }

  /** The receiver answered a chunk with {@code status}: 413 means it stopped the transfer. */
  record Refused(int status, String comment) implements SendOutcome {
  }

  /** We cancelled; the message was ended with {@code #}. */
  record Cancelled() implements SendOutcome {
  }

  /** No answer within the response timeout. */
  record TimedOut(long acknowledged) implements SendOutcome {
  }

  /** The session closed or the file could not be read; {@code reason} in plain words. */
  record Failed(String reason, long acknowledged) implements SendOutcome {
  }
}
