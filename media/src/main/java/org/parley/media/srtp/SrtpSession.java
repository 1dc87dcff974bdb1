package org.parley.media.srtp;

/**
 * The SRTP and SRTCP protection of one media stream keyed by SDES: packets Parley sends are
 * protected with the local master key, packets it receives are checked with the remote one. All
 * four operations work in place in the caller's buffer and allocate nothing per packet; contexts
 * for new SSRCs are taken from a bounded, preallocated table.
 *
 * <p>Threading: the four operations use separate state, so the sending thread may call {@link
 * #protectRtp}/{@link #protectRtcp} while the receiving thread calls {@link #unprotectRtp}/{@link
 * #unprotectRtcp}; each single operation must be called by one thread at a time. No locks.
 */
public final class SrtpSession {
  /** SSRC contexts per direction and protocol when the caller does not choose. */
  public static final int DEFAULT_MAX_SSRCS = 8;

  private final SrtpTransform sendRtp;
  private final SrtpTransform receiveRtp;
  private final SrtcpTransform sendRtcp;
  private final SrtcpTransform receiveRtcp;

  /**
   * @param suite the suite both sides agreed on
   * @param local the master key of the packets Parley sends (its own {@code a=crypto} key)
   * @param remote the master key of the packets the peer sends (the peer's {@code a=crypto} key)
   * @param maxSsrcs how many SSRC contexts each direction keeps before reusing the least recent
   */
  public SrtpSession(SrtpSuite suite, SrtpMasterKey local, SrtpMasterKey remote, int maxSsrcs) {
    sendRtp = new SrtpTransform(suite, local, maxSsrcs);
    receiveRtp = new SrtpTransform(suite, remote, maxSsrcs);
    sendRtcp = new SrtcpTransform(suite, local, maxSsrcs);
    receiveRtcp = new SrtcpTransform(suite, remote, maxSsrcs);
  }

  public SrtpSession(SrtpSuite suite, SrtpMasterKey local, SrtpMasterKey remote) {
    this(suite, local, remote, DEFAULT_MAX_SSRCS);
  }

  /**
   * A session from the accepted pair of {@code a=crypto} values: Parley's own and the peer's. Each
   * must name the same suite and may hold only one key (Parley does not switch keys by MKI).
   *
   * @throws IllegalArgumentException if the suites differ or a value holds several keys
   */
  public static SrtpSession fromSdes(SdesCrypto local, SdesCrypto remote) {
    if (local.suite() != remote.suite()) {
      throw new IllegalArgumentException("Both crypto attributes must name the same suite.");
    }
    if (local.keys().size() != 1 || remote.keys().size() != 1) {
      throw new IllegalArgumentException("Only one master key per crypto attribute is supported.");
    }
    return new SrtpSession(
        local.suite(), local.keys().get(0).masterKey(), remote.keys().get(0).masterKey());
  }

  /** Bytes {@link #protectRtp} appends: MKI and tag. The buffer must have this much room. */
  public int rtpOverhead() {
    return sendRtp.overhead();
  }

  /** Bytes {@link #protectRtcp} appends: E flag and index, MKI and tag. */
  public int rtcpOverhead() {
    return sendRtcp.overhead();
  }

  /**
   * Encrypts and authenticates the RTP packet {@code buf[off, off+len)} in place.
   *
   * @return the SRTP packet length
   * @throws IllegalArgumentException if it is not RTP or {@code buf} lacks {@link #rtpOverhead()}
   *     bytes after it: a caller bug
   */
  public int protectRtp(byte[] buf, int off, int len) {
    return sendRtp.protect(buf, off, len);
  }

  /**
   * Authenticates and decrypts the SRTP packet {@code buf[off, off+len)} in place.
   *
   * @return the RTP packet length, or -1 when the packet is malformed, replayed, too old, or fails
   *     authentication; the buffer is then left as it was
   */
  public int unprotectRtp(byte[] buf, int off, int len) {
    return receiveRtp.unprotect(buf, off, len);
  }

  /**
   * Encrypts and authenticates the compound RTCP packet {@code buf[off, off+len)} in place.
   *
   * @return the SRTCP packet length
   * @throws IllegalArgumentException if it is not RTCP or {@code buf} lacks {@link #rtcpOverhead()}
   *     bytes after it
   * @throws IllegalStateException after 2^31 RTCP packets of one SSRC (the key must change)
   */
  public int protectRtcp(byte[] buf, int off, int len) {
    return sendRtcp.protect(buf, off, len);
  }

  /**
   * Authenticates and decrypts the SRTCP packet {@code buf[off, off+len)} in place.
   *
   * @return the RTCP packet length, or -1 when the packet is malformed, unencrypted, replayed, too
   *     old, or fails authentication
   */
  public int unprotectRtcp(byte[] buf, int off, int len) {
    return receiveRtcp.unprotect(buf, off, len);
  }
}
