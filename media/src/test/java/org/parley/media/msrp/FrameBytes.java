package org.parley.media.msrp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: reads every frame of a byte stream into memory. */
final class FrameBytes {
  record Frame(MsrpHead head, byte[] body, Continuation flag) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private FrameBytes() {
  }

  static List<Frame> readAll(String wire) throws IOException {
    return readAll(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)), FrameLimits.DEFAULT);
  }

  static List<Frame> readAll(InputStream in, FrameLimits limits) throws IOException {
    MsrpFrameReader reader = new MsrpFrameReader(in, limits);
    List<Frame> frames = new ArrayList<>();
    for (MsrpHead head; (head = reader.readHead()) != null; ) {
      if (head.hasBody()) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Continuation flag = reader.readBody(head, body::write);
        frames.add(new Frame(head, body.toByteArray(), flag));
      } else {
        frames.add(new Frame(head, null, head.bodilessEnd()));
      }
    }
    return frames;
  }

  /** An InputStream that hands out at most {@code step} bytes per read, to cut frames anywhere. */
  static InputStream trickle(byte[] data, int step) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= data.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, step), data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }
}
