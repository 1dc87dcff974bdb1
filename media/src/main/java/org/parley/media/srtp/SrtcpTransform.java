package org.parley.media.srtp;

/**
 * SRTCP (RFC 3711 section 3.4) for the RTCP packets of one direction: one master key, one context
 * per SSRC of the first RTCP header. {@link #protect} encrypts everything after the first eight
 * bytes and appends E-flag and SRTCP index, [MKI] and an 80-bit tag; {@link #unprotect} checks
 * replay and tag before it decrypts. Both work in place and allocate nothing.
 *
 * <p>Parley always encrypts SRTCP, so a packet whose E flag is clear is refused. Not thread-safe:
 * one thread at a time; a sending instance only protects and a receiving one only unprotects.
 */
final class SrtcpTransform {
  private static final int HEADER = 8;
  private static final int INDEX_WORD = 4;
  private static final int E_FLAG = 0x8000_0000;

  private final AesCounterMode cipher;
  private final HmacSha1 mac;
  private final byte[] salt;
  private final byte[] mki;
  private final int tagLength;
  private final SsrcTable contexts;
  private final byte[] iv = new byte[AesCounterMode.BLOCK];

  SrtcpTransform(SrtpSuite suite, SrtpMasterKey master, int maxSsrcs) {
    SessionKeys keys = SessionKeys.forRtcp(master);
    cipher = new AesCounterMode(keys.cipherKey());
    mac = new HmacSha1(keys.authKey());
    salt = keys.salt();
    mki = master.mki();
    tagLength = suite.rtcpTagLength();
    contexts = new SsrcTable(maxSsrcs);
  }

  /** Bytes {@link #protect} appends to a packet. */
  int overhead() {
    return INDEX_WORD + mki.length + tagLength;
  }

  /**
   * Protects the compound RTCP packet {@code buf[off, off+len)} in place.
   *
   * @return the SRTCP packet length, {@code len + overhead()}
   * @throws IllegalArgumentException if it is not RTCP version 2 or the buffer lacks room
   * @throws IllegalStateException after 2^31 packets of one SSRC: the master key must be replaced
   */
  int protect(byte[] buf, int off, int len) {
    if (len < HEADER || (buf[off] & 0xC0) != 0x80) {
      throw new IllegalArgumentException("Not an RTCP version 2 packet.");
    }
    if (buf.length - off - len < overhead()) {
      throw new IllegalArgumentException("No room after the packet for the SRTCP trailer.");
    }
    int ssrc = Bytes.int32(buf, off + 4);
    StreamState state = contexts.find(ssrc);
    if (state == null) {
      state = contexts.claim(ssrc);
    }
    int index = state.nextRtcpIndex;
    if (index < 0) {
      throw new IllegalStateException("The SRTCP index is exhausted; the master key must change.");
    }
    state.nextRtcpIndex = index + 1;

    AesCounterMode.packetIv(salt, ssrc, index, iv);
    cipher.apply(iv, buf, off + HEADER, len - HEADER);
    Bytes.putInt32(buf, off + len, E_FLAG | index);
    System.arraycopy(mki, 0, buf, off + len + INDEX_WORD, mki.length);
    mac.start();
    mac.update(buf, off, len + INDEX_WORD);
    System.arraycopy(mac.finish(), 0, buf, off + len + INDEX_WORD + mki.length, tagLength);
    return len + overhead();
  }

  /**
   * Checks and decrypts the SRTCP packet {@code buf[off, off+len)} in place.
   *
   * @return the RTCP packet length, or -1 if the packet is malformed, unencrypted, carries another
   *     MKI, is a replay or older than the replay window, or fails authentication; the buffer and
   *     the context are then left unchanged
   */
  int unprotect(byte[] buf, int off, int len) {
    int rtcpLength = len - overhead();
    if (rtcpLength < HEADER || (buf[off] & 0xC0) != 0x80) {
      return -1;
    }
    if (!Bytes.regionEquals(mki, buf, off + rtcpLength + INDEX_WORD, mki.length)) {
      return -1;
    }
    int word = Bytes.int32(buf, off + rtcpLength);
    if ((word & E_FLAG) == 0) {
      return -1;
    }
    int index = word & ~E_FLAG;
    int ssrc = Bytes.int32(buf, off + 4);
    StreamState state = contexts.find(ssrc);
    if (state != null && !state.window.accepts(index)) {
      return -1;
    }
    mac.start();
    mac.update(buf, off, rtcpLength + INDEX_WORD);
    int tagAt = off + rtcpLength + INDEX_WORD + mki.length;
    if (!Bytes.regionEquals(mac.finish(), buf, tagAt, tagLength)) {
      return -1;
    }
    if (state == null) {
      state = contexts.claim(ssrc);
    }
    state.window.record(index);

    AesCounterMode.packetIv(salt, ssrc, index, iv);
    cipher.apply(iv, buf, off + HEADER, rtcpLength - HEADER);
    return rtcpLength;
  }
}
