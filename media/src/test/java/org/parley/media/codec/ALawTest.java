package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ALawTest {

  @ParameterizedTest(name = "code {0} decodes to {1}")
  @CsvSource({
    // G.711 Table 1a outputs times eight: full scale, smallest, and the first step of each segment
    "0xAA, 32256", "0x2A, -32256", "0xD5, 8", "0x55, -8",
    "0xC5, 264", "0xF5, 528", "0xE5, 1056", "0x95, 2112", "0x85, 4224", "0xB5, 8448", "0xA5, 16896",
    "0x45, -264", "0x25, -16896"
  })
  void decodesTheG711OutputValues(String code, int expected) {
    assertThat(ALaw.decode((byte) Integer.parseInt(code.substring(2), 16))).isEqualTo((short) expected);
  }

  @ParameterizedTest(name = "{0} encodes to {1}")
  @CsvSource({"0, 0xD5", "-1, 0x55", "32767, 0xAA", "-32768, 0x2A", "255, 0xDA", "256, 0xC5"})
  void encodesSegmentEndpoints(int sample, String code) {
    assertThat(ALaw.encode((short) sample) & 0xFF).isEqualTo(Integer.parseInt(code.substring(2), 16));
  }

  @Test
  void everyCodeWordSurvivesDecodeThenEncode() {
    for (int code = 0; code < 256; code++) {
      assertThat(ALaw.encode(ALaw.decode((byte) code)) & 0xFF).as("code %02x", code).isEqualTo(code);
    }
  }

  @Property
  void quantizationErrorIsAtMostHalfAStep(@ForAll short x) {
    int error = Math.abs(ALaw.decode(ALaw.encode(x)) - x);
    assertThat(error).isLessThanOrEqualTo(Math.max(8, Math.abs(x) / 32) + 1);
  }

  @Property
  void decodingIsMonotonicInTheInput(@ForAll short a, @ForAll short b) {
    short lo = (short) Math.min(a, b);
    short hi = (short) Math.max(a, b);
    assertThat(ALaw.decode(ALaw.encode(lo))).isLessThanOrEqualTo(ALaw.decode(ALaw.encode(hi)));
  }
}
