package org.parley.media.msrp;

/**
 * Hard limits of the frame reader: exceeding one is a {@link MsrpProtocolException}, never a large
 * allocation. The reader's buffer is {@code maxHeadBytes} plus a small margin, allocated once.
 *
 * @param maxHeadBytes start line plus header fields, in bytes
 * @param maxHeaders header fields per frame
 * @param maxChunkBytes body bytes of one SEND chunk (the body itself is streamed, not buffered)
 * @param maxOtherBodyBytes body bytes of any other request (RFC 4975 §7.1 says 10240)
 */
public record FrameLimits(int maxHeadBytes, int maxHeaders, long maxChunkBytes, int maxOtherBodyBytes) {
  /** 16 KiB of header, 32 fields, 4 MiB chunks, 10 KiB REPORT bodies. */
  public static final FrameLimits DEFAULT = new FrameLimits(16 * 1024, 32, 4L * 1024 * 1024, 10240);

  public FrameLimits {
    if (maxHeadBytes < 256 || maxHeaders < 4 || maxChunkBytes < 1 || maxOtherBodyBytes < 0) {
      throw new IllegalArgumentException("limits too small");
    }
  }
}
