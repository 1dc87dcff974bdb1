package org.parley.media.rtp;

import java.io.IOException;

/** No even port P with P and P+1 both free was found in the configured range. */
public final class PortRangeExhaustedException extends IOException {
  private static final long serialVersionUID = 1L;

  public PortRangeExhaustedException(String address, int min, int max) {
    super("No free RTP/RTCP port pair (even port P and P+1) in " + min + "-" + max + " on " + address);
  }
}
