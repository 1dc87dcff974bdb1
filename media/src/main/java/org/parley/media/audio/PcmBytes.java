package org.parley.media.audio;

/**
 * Converts between {@link Pcm} frames and 16-bit little-endian device bytes, mono or stereo, without
 * allocating. Each method returns the frame's peak level (0.0 to 1.0) so meters cost nothing extra.
 */
final class PcmBytes {
  private PcmBytes() {}

  /** Bytes per 20 ms frame for a 16-bit line with {@code channels} channels. */
  static int frameBytes(int channels) {
    return Pcm.FRAME_SAMPLES * 2 * channels;
  }

  /** Decodes {@code frameBytes(channels)} bytes into {@code frame}; stereo is averaged to mono. */
  static double toSamples(byte[] bytes, int channels, short[] frame) {
    int peak = 0;
    if (channels == 1) {
      for (int i = 0, b = 0; i < frame.length; i++, b += 2) {
        short s = (short) ((bytes[b] & 0xff) | (bytes[b + 1] << 8));
        frame[i] = s;
        peak = Math.max(peak, Math.abs(s));
      }
    } else {
      for (int i = 0, b = 0; i < frame.length; i++, b += 4) {
        int left = (short) ((bytes[b] & 0xff) | (bytes[b + 1] << 8));
        int right = (short) ((bytes[b + 2] & 0xff) | (bytes[b + 3] << 8));
        short s = (short) ((left + right) >> 1);
        frame[i] = s;
        peak = Math.max(peak, Math.abs(s));
      }
    }
    return peakLevel(peak);
  }

  /** Encodes {@code frame} into {@code frameBytes(channels)} bytes; stereo duplicates the channel. */
  static double toBytes(short[] frame, int channels, byte[] bytes) {
    int peak = 0;
    int b = 0;
    for (short s : frame) {
      peak = Math.max(peak, Math.abs(s));
      byte lo = (byte) s;
      byte hi = (byte) (s >> 8);
      for (int c = 0; c < channels; c++) {
        bytes[b++] = lo;
        bytes[b++] = hi;
      }
    }
    return peakLevel(peak);
  }

  /** Peak of a frame, 0.0 to 1.0. */
  static double peak(short[] frame) {
    int peak = 0;
    for (short s : frame) {
      peak = Math.max(peak, Math.abs(s));
    }
    return peakLevel(peak);
  }

  private static double peakLevel(int peak) {
    return Math.min(1.0, peak / 32767.0);
  }
}
