package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ShortRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MuLawTest {

  @ParameterizedTest(name = "code {0} decodes to {1}")
  @CsvSource({
    // G.711 Table 2a outputs times four: full scale, zero, and the first step of each segment
    "0x80, 32124", "0x00, -32124", "0xFF, 0", "0x7F, 0",
    "0xEF, 132", "0xDF, 396", "0xCF, 924", "0xBF, 1980", "0xAF, 4092", "0x9F, 8316", "0x8F, 16764",
    "0x6F, -132", "0x0F, -16764", "0xFE, 8", "0xF0, 120"
  })
  void decodesTheG711OutputValues(String code, int expected) {
    assertThat(MuLaw.decode((byte) Integer.parseInt(code.substring(2), 16))).isEqualTo((short) expected);
  }

  @ParameterizedTest(name = "{0} encodes to {1}")
  @CsvSource({"0, 0xFF", "32767, 0x80", "-32768, 0x00", "-1, 0x7F", "123, 0xF0", "124, 0xEF"})
  void encodesSegmentEndpoints(int sample, String code) {
    assertThat(MuLaw.encode((short) sample) & 0xFF).isEqualTo(Integer.parseInt(code.substring(2), 16));
  }

  @Test
  void everyCodeWordExceptNegativeZeroSurvivesDecodeThenEncode() {
    for (int code = 0; code < 256; code++) {
      int expected = code == 0x7F ? 0xFF : code;
      assertThat(MuLaw.encode(MuLaw.decode((byte) code)) & 0xFF).as("code %02x", code).isEqualTo(expected);
    }
  }

  @Property
  void quantizationErrorIsAtMostHalfAStep(@ForAll @ShortRange(min = -32635, max = 32635) short x) {
    int error = Math.abs(MuLaw.decode(MuLaw.encode(x)) - x);
    assertThat(error).isLessThanOrEqualTo((Math.abs(x) + 132) / 32 + 1);
  }

  @Property
  void decodingIsMonotonicInTheInput(@ForAll short a, @ForAll short b) {
    short lo = (short) Math.min(a, b);
    short hi = (short) Math.max(a, b);
    assertThat(MuLaw.decode(MuLaw.encode(lo))).isLessThanOrEqualTo(MuLaw.decode(MuLaw.encode(hi)));
  }
}
