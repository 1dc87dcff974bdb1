package org.parley.media.msrp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes whole MSRP frames (RFC 4975 §7, §9). Frames from several threads (the reader answering,
 * a sender sending chunks) are serialized by a lock held for one frame; a chunk is at most the
 * session's chunk size, so an answer waits at most one chunk.
 */
public final class MsrpFrameWriter {
  private static final byte[] CRLF = {'\r', '\n'};

  private final OutputStream out;
  private final ReentrantLock lock = new ReentrantLock();

  public MsrpFrameWriter(OutputStream out) {
    this.out = new BufferedOutputStream(out, 8192);
  }

  /** Writes a frame without a body. */
  public void write(MsrpHead head, Continuation flag) throws IOException {
    write(head, null, 0, 0, flag);
  }

  /**
   * Writes one frame. When {@code body} is not null the head must end with Content-Type and the
   * body (possibly empty) follows; the caller has made sure the body does not contain this frame's
   * end-line ({@link #containsEndLine}).
   */
  public void write(MsrpHead head, byte[] body, int offset, int length, Continuation flag) throws IOException {
    byte[] headBytes = format(head).getBytes(StandardCharsets.UTF_8);
    byte[] endLine = ("-------" + head.transactionId() + flag.flag() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    lock.lock();
    try {
      out.write(headBytes);
      if (body != null) {
        out.write(CRLF);
        out.write(body, offset, length);
        out.write(CRLF);
      }
      out.write(endLine);
      out.flush();
    } finally {
      lock.unlock();
    }
  }

  /** True when {@code CRLF -------transactionId} occurs in the body: choose another id then. */
  public static boolean containsEndLine(String transactionId, byte[] body, int offset, int length) {
    byte[] pattern = ("\r\n-------" + transactionId).getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = offset; i <= offset + length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The start line and header fields, each ending in CRLF; To-Path and From-Path first. */
  static String format(MsrpHead head) {
    StringBuilder text = new StringBuilder(256).append("MSRP ").append(head.transactionId()).append(' ');
    if (head.isRequest()) {
      text.append(head.method());
    } else {
      text.append(head.status());
      if (!head.comment().isEmpty()) {
        text.append(' ').append(head.comment());
      }
    }
    text.append("\r\n");
    appendPath(text, MsrpHeader.TO_PATH, head);
    appendPath(text, MsrpHeader.FROM_PATH, head);
    for (MsrpHeader header : head.headers()) {
      text.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    return text.toString();
  }

  private static void appendPath(StringBuilder text, String name, MsrpHead head) {
    text.append(name).append(':');
    for (MsrpUri uri : name.equals(MsrpHeader.TO_PATH) ? head.toPath() : head.fromPath()) {
      text.append(' ').append(uri);
    }
    text.append("\r\n");
  }
}
