package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class G711CodecTest {

  private static G711Codec codec(String name) {
    return name.equals("PCMU") ? G711Codec.PCMU : G711Codec.PCMA;
  }

  @Test
  void describesTheStaticPayloadTypesOfRfc3551() {
    assertThat(G711Codec.PCMU.staticPayloadType()).isZero();
    assertThat(G711Codec.PCMA.staticPayloadType()).isEqualTo(8);
    assertThat(G711Codec.PCMU.clockRate()).isEqualTo(8000);
    assertThat(G711Codec.PCMU.samplesPerFrame()).isEqualTo(160);
    assertThat(G711Codec.PCMA.timestampsPerFrame()).isEqualTo(160);
    assertThat(G711Codec.PCMA.rtpChannels()).isEqualTo(1);
    assertThat(G711Codec.PCMA.fmtp()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PCMU", "PCMA"})
  void aSineWaveComesBackWithMoreThan35DbSnr(String name) {
    G711Codec codec = codec(name);
    AudioEncoder encoder = codec.newEncoder();
    AudioDecoder decoder = codec.newDecoder();
    short[] input = Signals.sine(1020, 8000, 8000, 10_000);
    short[] output = new short[input.length];
    short[] frame = new short[160];
    short[] decoded = new short[160];
    byte[] packet = new byte[160];
    for (int f = 0; f < 50; f++) {
      System.arraycopy(input, f * 160, frame, 0, 160);
      assertThat(encoder.encode(frame, packet, 0)).isEqualTo(160);
      assertThat(decoder.decode(packet, 0, 160, decoded)).isEqualTo(160);
      System.arraycopy(decoded, 0, output, f * 160, 160);
    }
    assertThat(Signals.snrDb(input, 0, output, 0, input.length)).isGreaterThan(35);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PCMU", "PCMA"})
  void encodingAndDecodingDoNotAllocate(String name) {
    G711Codec codec = codec(name);
    AudioEncoder encoder = codec.newEncoder();
    AudioDecoder decoder = codec.newDecoder();
    short[] frame = Signals.sine(440, 8000, 160, 8000);
    short[] decoded = new short[160];
    byte[] packet = new byte[172];
    Runnable round = () -> {
      for (int i = 0; i < 500; i++) {
        encoder.encode(frame, packet, 12);
        decoder.decode(packet, 12, 160, decoded);
        if (i % 10 == 0) {
          decoder.conceal(decoded);
        }
      }
    };
    round.run();
    assertThat(Signals.allocatedBytes(round)).isZero();
  }

  @Test
  void aPayloadLongerThanTheBufferIsRefused() {
    AudioDecoder decoder = G711Codec.PCMU.newDecoder();
    assertThatThrownBy(() -> decoder.decode(new byte[400], 0, 400, new short[160]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodesPacketsOfOtherDurations() {
    AudioDecoder decoder = G711Codec.PCMA.newDecoder();
    byte[] tenMs = new byte[80];
    java.util.Arrays.fill(tenMs, (byte) 0xD5);
    assertThat(decoder.decode(tenMs, 0, 80, new short[160])).isEqualTo(80);
  }
}
