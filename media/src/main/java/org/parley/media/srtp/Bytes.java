package org.parley.media.srtp;

/** Big-endian reads and writes of packet fields. */
final class Bytes {
  private Bytes() {}

  static int uint16(byte[] buf, int at) {
    return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
  }

  static int int32(byte[] buf, int at) {
    return ((buf[at] & 0xFF) << 24)
        | ((buf[at + 1] & 0xFF) << 16)
        | ((buf[at + 2] & 0xFF) << 8)
        | (buf[at + 3] & 0xFF);
  }

  static void putInt32(byte[] buf, int at, int value) {
    buf[at] = (byte) (value >>> 24);
    buf[at + 1] = (byte) (value >>> 16);
    buf[at + 2] = (byte) (value >>> 8);
    buf[at + 3] = (byte) value;
  }

  /** Whether {@code buf[off, off+len)} equals the first {@code len} bytes of {@code expected}, in time independent of where they differ. */
  static boolean regionEquals(byte[] expected, byte[] buf, int off, int len) {
    int diff = 0;
    for (int i = 0; i < len; i++) {
      diff |= expected[i] ^ buf[off + i];
    }
    return diff == 0;
  }
}
