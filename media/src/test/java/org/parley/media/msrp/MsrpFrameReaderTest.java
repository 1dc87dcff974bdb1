package org.parley.media.msrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MsrpFrameReaderTest {
  private static final String TO = "To-Path: msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp\r\n";
  private static final String FROM = "From-Path: msrp://atlanta.example.com:7654/jshA7weztas;tcp\r\n";
  /** The SEND and its 200 from RFC 4975 §4. */
  static final String RFC_SEND = "MSRP a786hjs2 SEND\r\n" + TO + FROM
      + "Message-ID: 87652491\r\nByte-Range: 1-25/25\r\nContent-Type: text/plain\r\n\r\n"
      + "Hey Bob, are you there?\r\n-------a786hjs2$\r\n";
  static final String RFC_OK = "MSRP a786hjs2 200 OK\r\n"
      + "To-Path: msrp://atlanta.example.com:7654/jshA7weztas;tcp\r\n"
      + "From-Path: msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp\r\n-------a786hjs2$\r\n";

  @Test
  void readsTheRfcExampleSendAndResponse() throws Exception {
    List<FrameBytes.Frame> frames = FrameBytes.readAll(RFC_SEND + RFC_OK);
    assertThat(frames).hasSize(2);
    FrameBytes.Frame send = frames.get(0);
    assertThat(send.head().method()).isEqualTo("SEND");
    assertThat(send.head().transactionId()).isEqualTo("a786hjs2");
    assertThat(send.head().toPath().get(0).sessionId()).isEqualTo("kjhd37s2s20w2a");
    assertThat(send.head().header("message-id")).contains("87652491");
    assertThat(send.head().byteRange()).isEqualTo(new ByteRange(1, 25, 25));
    assertThat(send.bodyText()).isEqualTo("Hey Bob, are you there?");
    assertThat(send.flag()).isEqualTo(Continuation.COMPLETE);
    FrameBytes.Frame ok = frames.get(1);
    assertThat(ok.head().isRequest()).isFalse();
    assertThat(ok.head().status()).isEqualTo(200);
    assertThat(ok.head().comment()).isEqualTo("OK");
    assertThat(ok.body()).isNull();
  }

  @Test
  void findsTheEndLineWhereverTheStreamIsCut() throws Exception {
    byte[] wire = (RFC_SEND + RFC_OK).getBytes(StandardCharsets.UTF_8);
    for (int step = 1; step < 40; step++) {
      List<FrameBytes.Frame> frames = FrameBytes.readAll(FrameBytes.trickle(wire, step), FrameLimits.DEFAULT);
      assertThat(frames).hasSize(2);
      assertThat(frames.get(0).bodyText()).isEqualTo("Hey Bob, are you there?");
    }
  }

  @Test
  void bodyIsStreamedInSlicesNotBuffered() throws Exception {
    byte[] big = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.write(("MSRP t0001 SEND\r\n" + TO + FROM + "Message-ID: m\r\nContent-Type: a/b\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    wire.write(big);
    wire.write("\r\n-------t0001+\r\n".getBytes(StandardCharsets.US_ASCII));
    MsrpFrameReader reader = new MsrpFrameReader(new ByteArrayInputStream(wire.toByteArray()), FrameLimits.DEFAULT);
    MsrpHead head = reader.readHead();
    long[] total = {0};
    int[] largestSlice = {0};
    Continuation flag = reader.readBody(head, (b, off, len) -> {
      total[0] += len;
      largestSlice[0] = Math.max(largestSlice[0], len);
    });
    assertThat(flag).isEqualTo(Continuation.MORE);
    assertThat(total[0]).isEqualTo(big.length);
    assertThat(largestSlice[0]).isLessThanOrEqualTo(80 * 1024);
    assertThat(reader.readHead()).isNull();
  }

  @Test
  void anEndLineOfAnotherTransactionInsideTheBodyIsData() throws Exception {
    String body = "line\r\n-------other99$\r\nmore";
    List<FrameBytes.Frame> frames = FrameBytes.readAll("MSRP abcd1 SEND\r\n" + TO + FROM
        + "Message-ID: m\r\nContent-Type: text/plain\r\n\r\n" + body + "\r\n-------abcd1$\r\n");
    assertThat(frames.get(0).bodyText()).isEqualTo(body);
  }

  @Test
  void emptyBodyAndBodilessRequestsAreRead() throws Exception {
    List<FrameBytes.Frame> frames = FrameBytes.readAll(
        "MSRP abcd1 SEND\r\n" + TO + FROM + "Message-ID: m\r\nByte-Range: 1-0/0\r\nContent-Type: a/b\r\n\r\n\r\n-------abcd1$\r\n"
        + "MSRP abcd2 SEND\r\n" + TO + FROM + "Message-ID: n\r\n-------abcd2$\r\n");
    assertThat(frames.get(0).body()).isEmpty();
    assertThat(frames.get(1).head().hasBody()).isFalse();
    assertThat(frames.get(1).flag()).isEqualTo(Continuation.COMPLETE);
  }

  static List<Arguments> hostileFrames() {
    String head = "MSRP abcd1 SEND\r\n" + TO + FROM + "Message-ID: m\r\n";
    return List.of(
        Arguments.of("truncated head", "MSRP abcd1 SEND\r\n" + TO, "connection closed inside a frame"),
        Arguments.of("truncated body", head + "Content-Type: a/b\r\n\r\nhalf a bo", "connection closed inside a frame"),
        Arguments.of("truncated end-line", head + "Content-Type: a/b\r\n\r\nbody\r\n-------abcd1", "connection closed inside a frame"),
        Arguments.of("missing To-Path", "MSRP abcd1 SEND\r\n" + FROM + "-------abcd1$\r\n", "missing To-Path"),
        Arguments.of("missing From-Path", "MSRP abcd1 SEND\r\n" + TO + "-------abcd1$\r\n", "missing From-Path"),
        Arguments.of("duplicate To-Path", "MSRP abcd1 SEND\r\n" + TO + TO + FROM + "-------abcd1$\r\n", "duplicate To-Path"),
        Arguments.of("bad byte-range", head + "Byte-Range: 10-5/20\r\n-------abcd1$\r\n", "bad Byte-Range"),
        Arguments.of("byte-range beyond total", head + "Byte-Range: 1-30/20\r\n-------abcd1$\r\n", "bad Byte-Range"),
        Arguments.of("byte-range not numbers", head + "Byte-Range: one-two/three\r\n-------abcd1$\r\n", "bad Byte-Range"),
        Arguments.of("byte-range overflow", head + "Byte-Range: 1-99999999999999999999/*\r\n-------abcd1$\r\n", "bad Byte-Range"),
        Arguments.of("end-line of another transaction", head + "-------zzzz9$\r\n", "end-line does not match"),
        Arguments.of("end-line without flag", head + "-------abcd1\r\n", "end-line does not match"),
        Arguments.of("body end-line with a bad flag", head + "Content-Type: a/b\r\n\r\nx\r\n-------abcd1!\r\n", "malformed end-line"),
        Arguments.of("non-UTF-8 header", "MSRP abcd1 SEND\r\n" + TO + FROM + "X-Name: \u00ff\u00fe\r\n-------abcd1$\r\n", "not UTF-8"),
        Arguments.of("NUL in a header", head + "X-A: a\u0000b\r\n-------abcd1$\r\n", "control character"),
        Arguments.of("bare LF", head.replace("Message-ID: m\r\n", "Message-ID: m\nX: y\r\n") + "-------abcd1$\r\n", "control character"),
        Arguments.of("not MSRP", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "not an MSRP start line"),
        Arguments.of("short transaction id", "MSRP ab SEND\r\n" + TO + FROM + "-------ab$\r\n", "bad transaction id"),
        Arguments.of("lower-case method", "MSRP abcd1 send\r\n" + TO + FROM + "-------abcd1$\r\n", "bad method"),
        Arguments.of("bad header name", head + ": value\r\n-------abcd1$\r\n", "not a header field"),
        Arguments.of("body without Content-Type", head + "\r\nbody\r\n-------abcd1$\r\n", "no Content-Type"),
        Arguments.of("response with a body", "MSRP abcd1 200 OK\r\n" + TO + FROM + "Content-Type: a/b\r\n\r\nx\r\n-------abcd1$\r\n", "response with a body"),
        Arguments.of("bad path URI", "MSRP abcd1 SEND\r\nTo-Path: sip:bob@x\r\n" + FROM + "-------abcd1$\r\n", "not an MSRP URI"),
        Arguments.of("too many headers", head + "X: y\r\n".repeat(40) + "-------abcd1$\r\n", "more than 32 header fields"),
        Arguments.of("REPORT body over 10240", "MSRP abcd1 REPORT\r\n" + TO + FROM + "Content-Type: a/b\r\n\r\n"
            + "r".repeat(10241) + "\r\n-------abcd1$\r\n", "larger than 10240"),
        Arguments.of("forged end-line then garbage", head + "Content-Type: a/b\r\n\r\nAB\r\n-------abcd1$\r\nrest of file\r\n-------abcd1$\r\n", "not an MSRP start line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFrames")
  void hostileFrameIsAProtocolErrorWithAClearReason(String name, String wire, String reason) {
    byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
    if (name.contains("UTF-8")) {
      bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
    } else {
      bytes = wire.getBytes(StandardCharsets.UTF_8);
    }
    byte[] input = bytes;
    assertThatThrownBy(() -> FrameBytes.readAll(new ByteArrayInputStream(input), FrameLimits.DEFAULT))
        .isInstanceOf(MsrpProtocolException.class).hasMessageContaining(reason);
  }

  @Test
  void aTenMegabyteHeaderLineIsRefusedAfterTheHeadLimitWithoutReadingItAll() {
    CountingStream in = new CountingStream(("MSRP abcd1 SEND\r\n" + TO + FROM + "X-Big: ").getBytes(StandardCharsets.US_ASCII),
        10L * 1024 * 1024);
    assertThatThrownBy(() -> FrameBytes.readAll(in, FrameLimits.DEFAULT))
        .isInstanceOf(MsrpProtocolException.class).hasMessageContaining("frame head larger than 16384");
    assertThat(in.served).isLessThan(200_000);
  }

  @Test
  void aChunkLargerThanTheLimitIsRefusedWhileStreaming() {
    FrameLimits small = new FrameLimits(16 * 1024, 32, 100_000, 10240);
    CountingStream in = new CountingStream(("MSRP abcd1 SEND\r\n" + TO + FROM
        + "Message-ID: m\r\nContent-Type: a/b\r\n\r\n").getBytes(StandardCharsets.US_ASCII), 50L * 1024 * 1024);
    assertThatThrownBy(() -> FrameBytes.readAll(in, small))
        .isInstanceOf(MsrpProtocolException.class).hasMessageContaining("larger than 100000");
    assertThat(in.served).isLessThan(300_000);
  }

  /** A prefix, then {@code fill} bytes of 'a' produced on demand. */
  static final class CountingStream extends InputStream {
    private final byte[] prefix;
    private final long fill;
    long served;

    CountingStream(byte[] prefix, long fill) {
      this.prefix = prefix;
      this.fill = fill;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served >= prefix.length + fill) {
        return -1;
      }
      int n = (int) Math.min(len, prefix.length + fill - served);
      for (int i = 0; i < n; i++) {
        long at = served + i;
        b[off + i] = at < prefix.length ? prefix[(int) at] : (byte) 'a';
      }
      served += n;
      return n;
    }
  }
}
