package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class G722RobustnessTest {

  @Property(tries = 200)
  void anyOctetsDecodeToTwoSamplesEach(@ForAll @Size(max = 160) byte[] payload) {
    AudioDecoder decoder = G722Codec.INSTANCE.newDecoder();
    short[] pcm = new short[320];
    for (int round = 0; round < 3; round++) { // the same octets again, from the adapted state
      assertThat(decoder.decode(payload, 0, payload.length, pcm)).isEqualTo(2 * payload.length);
    }
  }

  @Property(tries = 200)
  void anyAudioEncodesToLowerBandCodesTheRecommendationDefines(@ForAll @Size(value = 320) short[] pcm) {
    AudioEncoder encoder = G722Codec.INSTANCE.newEncoder();
    byte[] packet = new byte[160];
    for (int round = 0; round < 3; round++) {
      assertThat(encoder.encode(pcm, packet, 0)).isEqualTo(160);
      for (byte octet : packet) {
        assertThat(octet & 0x3F).isGreaterThanOrEqualTo(4);
      }
    }
  }
}
