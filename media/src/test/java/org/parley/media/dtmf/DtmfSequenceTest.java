package org.parley.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfSequenceTest {
  record Sent(boolean marker, long timestamp, int event, boolean end, int volume, int duration) {}

  private final List<Sent> sent = new ArrayList<>();
  private final DtmfSender.PacketSink sink = (marker, ts, buf, off, len) -> {
    assertThat(len).isEqualTo(4);
    sent.add(new Sent(marker, ts, TelephoneEvent.event(buf, off), TelephoneEvent.end(buf, off),
        TelephoneEvent.volume(buf, off), TelephoneEvent.duration(buf, off)));
  };
  private final StringBuilder digits = new StringBuilder();
  private final DtmfReceiver receiver = new DtmfReceiver(digits::append);

  private List<Sent> packetsFor(char digit, int millis, long timestamp) throws IOException {
    DtmfSender sender = new DtmfSender(8000, 50, 10);
    sender.start(digit, millis, timestamp);
    int from = sent.size();
    while (sender.sendNext(sink)) {
      assertThat(sent.size() - from).isLessThan(100);
    }
    return new ArrayList<>(sent.subList(from, sent.size()));
  }

  private void deliver(List<Sent> packets) {
    byte[] buf = new byte[4];
    for (Sent s : packets) {
      TelephoneEvent.write(buf, 0, s.event(), s.end(), s.volume(), s.duration());
      receiver.receive(s.timestamp(), s.marker(), buf, 0, 4);
    }
  }

  @Test
  void aDigitIsAMarkedStartGrowingUpdatesAndThreeEndPacketsAtOneTimestamp() throws IOException {
    List<Sent> packets = packetsFor('5', 200, 48_000);

    assertThat(packets).containsExactly(
        new Sent(true, 48_000, 5, false, 10, 400),
        new Sent(false, 48_000, 5, false, 10, 800),
        new Sent(false, 48_000, 5, false, 10, 1200),
        new Sent(false, 48_000, 5, true, 10, 1600),
        new Sent(false, 48_000, 5, true, 10, 1600),
        new Sent(false, 48_000, 5, true, 10, 1600));
  }

  @Test
  void aDurationThatIsNotAMultipleOfTheUpdateEndsAtTheExactDuration() throws IOException {
    List<Sent> packets = packetsFor('#', 120, 0);
    assertThat(packets).extracting(Sent::duration).containsExactly(400, 800, 960, 960, 960);
    assertThat(packets).extracting(Sent::event).containsOnly(11);
  }

  @Test
  void theSenderRefusesWhatItCannotSend() {
    DtmfSender sender = new DtmfSender(8000, 50, 10);
    assertThatThrownBy(() -> sender.start('E', 100, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sender.start('1', 9000, 0)).isInstanceOf(IllegalArgumentException.class);
    sender.start('1', 100, 0);
    assertThatThrownBy(() -> sender.start('2', 100, 0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyDigitIsReceivedOnceAndInOrder() throws IOException {
    long ts = 0xFFFF_F000L;
    for (char d : "159*#0ABCD".toCharArray()) {
      deliver(packetsFor(d, 100, ts));
      ts = (ts + 1600) & 0xFFFF_FFFFL;
    }
    assertThat(digits).hasToString("159*#0ABCD");
  }

  @Test
  void aRepeatedDigitIsTwoDigits() throws IOException {
    deliver(packetsFor('7', 100, 1000));
    deliver(packetsFor('7', 100, 3000));
    assertThat(digits).hasToString("77");
  }

  @Test
  void lostStartPacketsStillGiveTheDigitOnce() throws IOException {
    List<Sent> first = packetsFor('3', 200, 1000);
    deliver(first.subList(2, first.size()));
    List<Sent> second = packetsFor('4', 100, 5000);
    deliver(second.subList(second.size() - 1, second.size()));
    assertThat(digits).hasToString("34");
  }

  @Test
  void duplicatesAndLatePacketsOfAnOlderEventAreIgnored() throws IOException {
    List<Sent> one = packetsFor('1', 150, 1000);
    List<Sent> two = packetsFor('2', 150, 4000);
    List<Sent> mixed = new ArrayList<>();
    mixed.add(one.get(0));
    mixed.add(one.get(0));
    mixed.add(one.get(1));
    mixed.add(two.get(0));
    mixed.add(one.get(2));
    mixed.add(one.get(3));
    mixed.addAll(two);
    mixed.addAll(two);
    deliver(mixed);
    assertThat(digits).hasToString("12");
  }

  @Test
  void aLongEventContinuedInANewSegmentIsOneDigit() {
    byte[] buf = new byte[4];
    TelephoneEvent.write(buf, 0, 8, false, 10, 400);
    receiver.receive(100, true, buf, 0, 4);
    TelephoneEvent.write(buf, 0, 8, false, 10, 0xFFFF);
    receiver.receive(100, false, buf, 0, 4);
    TelephoneEvent.write(buf, 0, 8, false, 10, 400);
    receiver.receive(100 + 0xFFFF, false, buf, 0, 4);
    TelephoneEvent.write(buf, 0, 8, true, 10, 800);
    receiver.receive(100 + 0xFFFF, false, buf, 0, 4);
    assertThat(digits).hasToString("8");
  }

  @Test
  void nonDtmfEventsAndShortPayloadsAreIgnored() {
    byte[] buf = new byte[4];
    TelephoneEvent.write(buf, 0, 32, false, 10, 400);
    receiver.receive(100, true, buf, 0, 4);
    receiver.receive(200, true, buf, 0, 3);
    assertThat(digits).isEmpty();
  }
}
