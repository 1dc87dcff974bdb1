package org.parley.media.srtp;

/**
 * SRTP (RFC 3711 section 3.3) for the RTP packets of one direction: one master key, one context per
 * SSRC. {@link #protect} encrypts and appends [MKI] and tag; {@link #unprotect} checks replay and
 * tag before it decrypts. Both work in place on the caller's buffer and allocate nothing.
 *
 * <p>Not thread-safe: one thread at a time (the direction's media thread). A sending instance only
 * protects and a receiving one only unprotects; mixing both on one instance shares the SSRC
 * contexts, which SRTP forbids.
 */
final class SrtpTransform {
  private static final int FIXED_HEADER = 12;

  private final AesCounterMode cipher;
  private final HmacSha1 mac;
  private final byte[] salt;
  private final byte[] mki;
  private final int tagLength;
  private final SsrcTable contexts;
  private final byte[] iv = new byte[AesCounterMode.BLOCK];

  SrtpTransform(SrtpSuite suite, SrtpMasterKey master, int maxSsrcs) {
    SessionKeys keys = SessionKeys.forRtp(master);
    cipher = new AesCounterMode(keys.cipherKey());
    mac = new HmacSha1(keys.authKey());
    salt = keys.salt();
    mki = master.mki();
    tagLength = suite.rtpTagLength();
    contexts = new SsrcTable(maxSsrcs);
  }

  /** Bytes {@link #protect} appends to a packet. */
  int overhead() {
    return mki.length + tagLength;
  }

  /**
   * Protects the RTP packet {@code buf[off, off+len)} in place.
   *
   * @return the SRTP packet length, {@code len + overhead()}
   * @throws IllegalArgumentException if the packet is not RTP version 2 or the buffer has no room
   *     for the MKI and tag after it
   */
  int protect(byte[] buf, int off, int len) {
    int header = headerLength(buf, off, len);
    if (header < 0) {
      throw new IllegalArgumentException("Not an RTP version 2 packet.");
    }
    if (buf.length - off - len < overhead()) {
      throw new IllegalArgumentException("No room after the packet for the SRTP tag.");
    }
    int ssrc = Bytes.int32(buf, off + 8);
    int seq = Bytes.uint16(buf, off + 2);
    StreamState state = contexts.find(ssrc);
    if (state == null) {
      state = contexts.claim(ssrc);
      state.highestSeq = seq;
    }
    long index = state.estimateIndex(seq);
    if (index < 0) {
      throw new IllegalArgumentException("The sequence number went back before the first packet.");
    }
    state.advanceTo(index);

    AesCounterMode.packetIv(salt, ssrc, index, iv);
    cipher.apply(iv, buf, off + header, len - header);
    System.arraycopy(mki, 0, buf, off + len, mki.length);
    mac.start();
    mac.update(buf, off, len);
    mac.updateInt((int) (index >>> 16));
    System.arraycopy(mac.finish(), 0, buf, off + len + mki.length, tagLength);
    return len + overhead();
  }

  /**
   * Checks and decrypts the SRTP packet {@code buf[off, off+len)} in place.
   *
   * @return the RTP packet length, or -1 if the packet is malformed, carries another MKI, is a
   *     replay or older than the replay window, or fails authentication; the buffer and the
   *     context are then left unchanged
   */
  int unprotect(byte[] buf, int off, int len) {
    int header = headerLength(buf, off, len);
    int rtpLength = len - overhead();
    if (header < 0 || header > rtpLength) {
      return -1;
    }
    if (!Bytes.regionEquals(mki, buf, off + rtpLength, mki.length)) {
      return -1;
    }
    int ssrc = Bytes.int32(buf, off + 8);
    int seq = Bytes.uint16(buf, off + 2);
    StreamState state = contexts.find(ssrc);
    long index = seq;
    if (state != null) {
      index = state.estimateIndex(seq);
      if (!state.window.accepts(index)) {
        return -1;
      }
    }
    mac.start();
    mac.update(buf, off, rtpLength);
    mac.updateInt((int) (index >>> 16));
    if (!Bytes.regionEquals(mac.finish(), buf, off + rtpLength + mki.length, tagLength)) {
      return -1;
    }
    if (state == null) {
      state = contexts.claim(ssrc);
      state.highestSeq = seq;
    }
    state.advanceTo(index);
    state.window.record(index);

    AesCounterMode.packetIv(salt, ssrc, index, iv);
    cipher.apply(iv, buf, off + header, rtpLength - header);
    return rtpLength;
  }

  /** Length of the RTP header with CSRCs and extension; -1 if it is not RTP v2 or is cut short. */
  static int headerLength(byte[] buf, int off, int len) {
    if (len < FIXED_HEADER || (buf[off] & 0xC0) != 0x80) {
      return -1;
    }
    int header = FIXED_HEADER + 4 * (buf[off] & 0x0F);
    if ((buf[off] & 0x10) != 0) {
      if (header + 4 > len) {
        return -1;
      }
      header += 4 + 4 * Bytes.uint16(buf, off + header + 2);
    }
    return header <= len ? header : -1;
  }
}
