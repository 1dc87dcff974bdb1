package org.parley.media.msrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MsrpFrameRoundTripTest {
  private static final MsrpUri TO = uri("msrp://127.0.0.1:5000/abcDEF;tcp");
  private static final MsrpUri FROM = uri("msrps://[::1]:6000/x+y=z;tcp");

  record Sent(MsrpHead head, byte[] body, Continuation flag) {
  }

  @Provide
  Arbitrary<List<Sent>> frames() {
    return frame().list().ofMinSize(1).ofMaxSize(6);
  }

  private Arbitrary<Sent> frame() {
    Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(4).ofMaxLength(32);
    Arbitrary<byte[]> bodies = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
        Arbitraries.of("\r\n-------", "\r\n", "-------", "x\r\n-------abc$\r\n", "\r\n-------\r\n")
            .list().ofMaxSize(30).map(parts -> String.join("", parts).getBytes()));
    Arbitrary<Continuation> flags = Arbitraries.of(Continuation.class);
    Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60)
        .map(v -> v.startsWith(" ") ? "v" + v : v);
    return Combinators.combine(ids, bodies, flags, values, Arbitraries.integers().between(0, 2))
        .as((id, body, flag, value, kind) -> {
          List<MsrpHeader> headers = new ArrayList<>(List.of(new MsrpHeader("Message-ID", "m" + id),
              new MsrpHeader("X-Value", value)));
          if (kind == 0) {
            return new Sent(MsrpHead.request(id, "SEND", TO, FROM, headers), null, flag);
          }
          if (kind == 1) {
            MsrpHead request = MsrpHead.request(id, "SEND", TO, FROM, headers);
            return new Sent(MsrpHead.response(request, 200, TO), null, Continuation.COMPLETE);
          }
          headers.add(new MsrpHeader("Content-Type", "application/octet-stream"));
          return new Sent(MsrpHead.request(id, "SEND", TO, FROM, headers), body, flag);
        })
        .filter(s -> s.body() == null
            || !MsrpFrameWriter.containsEndLine(s.head().transactionId(), s.body(), 0, s.body().length));
  }

  @Property(tries = 300)
  void writtenFramesReadBackIdentically(@ForAll("frames") List<Sent> sent,
      @ForAll @IntRange(min = 1, max = 4096) int readStep) throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    MsrpFrameWriter writer = new MsrpFrameWriter(wire);
    for (Sent frame : sent) {
      if (frame.body() == null) {
        writer.write(frame.head(), frame.flag());
      } else {
        writer.write(frame.head(), frame.body(), 0, frame.body().length, frame.flag());
      }
    }
    List<FrameBytes.Frame> read = FrameBytes.readAll(
        FrameBytes.trickle(wire.toByteArray(), readStep), FrameLimits.DEFAULT);
    assertThat(read).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      Sent expected = sent.get(i);
      FrameBytes.Frame actual = read.get(i);
      assertThat(actual.head().transactionId()).isEqualTo(expected.head().transactionId());
      assertThat(actual.head().method()).isEqualTo(expected.head().method());
      assertThat(actual.head().status()).isEqualTo(expected.head().status());
      assertThat(actual.head().headers()).isEqualTo(expected.head().headers());
      assertThat(actual.head().toPath()).isEqualTo(expected.head().toPath());
      assertThat(actual.head().fromPath()).isEqualTo(expected.head().fromPath());
      assertThat(actual.body()).isEqualTo(expected.body());
      assertThat(actual.flag()).isEqualTo(expected.flag());
    }
  }

  @Property(tries = 200)
  void arbitraryBytesNeverCrashTheReaderOtherThanWithAProtocolError(@ForAll @Size(max = 2000) byte[] noise) {
    byte[] wire = ("MSRP abcd1 SEND\r\n" + "To-Path: " + TO + "\r\n").getBytes();
    byte[] all = new byte[wire.length + noise.length];
    System.arraycopy(wire, 0, all, 0, wire.length);
    System.arraycopy(noise, 0, all, wire.length, noise.length);
    try {
      FrameBytes.readAll(new ByteArrayInputStream(all), FrameLimits.DEFAULT);
    } catch (MsrpProtocolException expected) {
      return;
    } catch (Exception other) {
      throw new AssertionError("not a protocol error: " + other, other);
    }
  }

  private static MsrpUri uri(String text) {
    try {
      return MsrpUri.parse(text);
    } catch (MsrpProtocolException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
