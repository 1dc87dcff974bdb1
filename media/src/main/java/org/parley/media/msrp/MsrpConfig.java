package org.parley.media.msrp;

import java.time.Duration;

/**
 * Settings of MSRP sessions.
 *
 * @param chunkSize body bytes per SEND chunk when sending a file
 * @param window SEND chunks sent before their 200 is needed to send more
 * @param idleTimeout how long a peer may stay silent inside a frame, or between the chunks of an
 *     incomplete message, before the session closes; also bounds the first frame on an accepted
 *     connection
 * @param responseTimeout how long a transaction or the final report may take (RFC 4975 §7.1.1
 *     suggests 30 s); after it the transfer ends as timed out
 * @param reportTimeout how long a sender waits, after its last chunk was answered, for the receiver's
 *     final REPORT; longer than {@code responseTimeout} because a receiver may hold the REPORT back
 *     until it has checked the file ({@link MessageReceiver#holdsSuccessReport})
 */
public record MsrpConfig(int chunkSize, int window, Duration idleTimeout, Duration responseTimeout,
    FrameLimits limits, Duration reportTimeout) {
  public static final MsrpConfig DEFAULT = new MsrpConfig(64 * 1024, 8, Duration.ofSeconds(30),
      Duration.ofSeconds(30), FrameLimits.DEFAULT, Duration.ofSeconds(150));

  /** Settings whose final-REPORT wait is the response timeout. */
  public MsrpConfig(int chunkSize, int window, Duration idleTimeout, Duration responseTimeout,
      FrameLimits limits) {
    this(chunkSize, window, idleTimeout, responseTimeout, limits, responseTimeout);
  }

  public MsrpConfig {
    if (chunkSize < 1 || chunkSize > limits.maxChunkBytes() || window < 1) {
      throw new IllegalArgumentException("bad chunk size or window");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || responseTimeout.isNegative() || responseTimeout.isZero()
        || reportTimeout.isNegative() || reportTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  public MsrpConfig withChunkSize(int bytes) {
    return new MsrpConfig(bytes, window, idleTimeout, responseTimeout, limits, reportTimeout);
  }

  public MsrpConfig withIdleTimeout(Duration timeout) {
    return new MsrpConfig(chunkSize, window, timeout, responseTimeout, limits, reportTimeout);
  }

  public MsrpConfig withResponseTimeout(Duration timeout) {
    return new MsrpConfig(chunkSize, window, idleTimeout, timeout, limits, reportTimeout);
  }

  public MsrpConfig withReportTimeout(Duration timeout) {
    return new MsrpConfig(chunkSize, window, idleTimeout, responseTimeout, limits, timeout);
  }
}
