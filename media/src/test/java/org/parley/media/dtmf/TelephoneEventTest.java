package org.parley.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

  @Test
  void digitsMapToEventCodesZeroToFifteen() {
    String digits = "0123456789*#ABCD";
    for (int i = 0; i < digits.length(); i++) {
      assertThat(TelephoneEvent.eventOf(digits.charAt(i))).isEqualTo(i);
      assertThat(TelephoneEvent.digitOf(i)).isEqualTo(digits.charAt(i));
    }
    assertThat(TelephoneEvent.eventOf('b')).isEqualTo(13);
    assertThat(TelephoneEvent.eventOf('E')).isEqualTo(-1);
    assertThatThrownBy(() -> TelephoneEvent.digitOf(16)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void layoutIsEventThenEndBitAndVolumeThenDuration() {
    byte[] buf = new byte[4];
    TelephoneEvent.write(buf, 0, 9, true, 10, 1600);
    assertThat(HexFormat.of().formatHex(buf)).isEqualTo("098a0640");
  }

  @Property
  void everyFieldRoundTrips(
      @ForAll @IntRange(max = 255) int event,
      @ForAll boolean end,
      @ForAll @IntRange(max = 63) int volume,
      @ForAll @IntRange(max = 65535) int duration) {
    byte[] buf = new byte[6];
    assertThat(TelephoneEvent.write(buf, 2, event, end, volume, duration)).isEqualTo(4);
    assertThat(TelephoneEvent.event(buf, 2)).isEqualTo(event);
    assertThat(TelephoneEvent.end(buf, 2)).isEqualTo(end);
    assertThat(TelephoneEvent.volume(buf, 2)).isEqualTo(volume);
    assertThat(TelephoneEvent.duration(buf, 2)).isEqualTo(duration);
  }
}
