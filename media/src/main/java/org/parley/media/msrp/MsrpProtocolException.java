package org.parley.media.msrp;

import java.io.IOException;

/**
 * The peer broke MSRP framing (RFC 4975 §9) or a hard limit: the connection cannot be trusted to
 * find the next frame, so the session that reads it is closed with {@link #getMessage()} as the
 * reason. Thrown only by the reader; never for a protocol outcome that has a status code.
 */
public final class MsrpProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  public MsrpProtocolException(String reason) {
    super(reason);
  }
}
