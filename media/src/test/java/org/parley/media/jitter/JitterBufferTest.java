package org.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
  private static final long FRAME = 20_000_000L;
  private final SequenceCodec codec = new SequenceCodec();
  private final long[] now = {0};
  private final JitterBuffer buffer = new JitterBuffer(codec, () -> now[0]);
  private final short[] pcm = new short[160];

  private void offer(int seq, long frame) {
    byte[] p = SequenceCodec.payload(frame, 3000);
    buffer.offer(seq, frame * 160, p, 0, p.length, now[0]);
  }

  private Playout pollAt(long nanos) {
    now[0] = nanos;
    return buffer.poll(pcm);
  }

  @Test
  void playsSilenceUntilTheFirstPacketArrives() {
    assertThat(pollAt(0)).isEqualTo(Playout.SILENCE);
    assertThat(pcm).containsOnly((short) 0);
    assertThat(codec.decodedFrames).isEmpty();
  }

  @Test
  void copiesThePayloadSoTheCallerMayReuseItsArray() {
    byte[] p = SequenceCodec.payload(7, 3000);
    buffer.offer(7, 7 * 160, p, 0, p.length, 0);
    Arrays.fill(p, (byte) 0);
    assertThat(pollAt(1_000_000)).isEqualTo(Playout.DECODED);
    assertThat(codec.decodedFrames).containsExactly(7L);
    assertThat(pcm).containsOnly((short) 3000);
  }

  @Test
  void asksTheDecoderForFecWhenTheNextPacketIsThere() {
    offer(10, 10);
    assertThat(pollAt(1_000_000)).isEqualTo(Playout.DECODED);
    now[0] = FRAME + 500_000;
    offer(12, 12); // 11 is lost
    assertThat(pollAt(FRAME + 1_000_000)).isEqualTo(Playout.FEC_RECOVERED);
    assertThat(pollAt(2 * FRAME + 1_000_000)).isEqualTo(Playout.DECODED);
    assertThat(codec.decodedFrames).containsExactly(10L, -11L, 12L);
    assertThat(buffer.statistics().fecRecovered()).isEqualTo(1);
  }

  @Test
  void concealsWhenNothingFollowsALoss() {
    offer(10, 10);
    pollAt(1_000_000);
    assertThat(pollAt(FRAME + 1_000_000)).isEqualTo(Playout.CONCEALED);
    assertThat(codec.concealments).isEqualTo(1);
  }

  @Test
  void aLatePacketIsCountedAndNotPlayed() {
    offer(10, 10);
    pollAt(1_000_000);
    now[0] = FRAME;
    offer(12, 12);
    pollAt(FRAME + 1_000_000); // 11 declared lost
    now[0] = FRAME + 2_000_000;
    offer(11, 11);
    pollAt(2 * FRAME + 1_000_000);
    JitterStatistics s = buffer.statistics();
    assertThat(s.late()).isEqualTo(1);
    assertThat(s.lost()).isZero();
    assertThat(s.reordered()).isEqualTo(1);
    assertThat(codec.decodedFrames).containsExactly(10L, -11L, 12L);
  }

  @Test
  void aSenderRestartWithANewSequenceStartsOverWithANewDecoder() {
    for (int k = 0; k < 5; k++) {
      now[0] = k * FRAME;
      offer(100 + k, k);
      pollAt(k * FRAME + 1_000_000);
    }
    now[0] = 5 * FRAME;
    offer(40_000, 1000); // a jump: held back until the next one confirms it
    pollAt(5 * FRAME + 1_000_000);
    now[0] = 6 * FRAME;
    offer(40_001, 1001);
    pollAt(6 * FRAME + 1_000_000);
    pollAt(7 * FRAME + 1_000_000);
    assertThat(codec.decodersCreated).isEqualTo(2);
    assertThat(codec.decodedFrames).containsExactly(0L, 1L, 2L, 3L, 4L, 1001L);
    assertThat(buffer.statistics().lost()).isZero();
  }

  @Test
  void aSingleStrayPacketFarFromTheSequenceIsIgnored() {
    offer(100, 0);
    pollAt(1_000_000);
    now[0] = FRAME;
    offer(30_000, 999);
    offer(101, 1);
    pollAt(FRAME + 1_000_000);
    assertThat(codec.decodedFrames).containsExactly(0L, 1L);
    assertThat(codec.decodersCreated).isEqualTo(1);
  }

  @Test
  void aNewSsrcStartsOver() {
    offer(100, 0);
    pollAt(1_000_000);
    buffer.sourceChanged();
    now[0] = FRAME;
    offer(5, 500);
    pollAt(FRAME + 1_000_000);
    assertThat(codec.decodersCreated).isEqualTo(2);
    assertThat(codec.decodedFrames).containsExactly(0L, 500L);
  }

  @Test
  void offerAndPollDoNotAllocate() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    JitterBuffer g711 = new JitterBuffer(org.parley.media.codec.G711Codec.PCMU, () -> now[0]);
    byte[] payload = new byte[160];
    int[] next = {0};
    Runnable call = () -> {
      for (int i = 0; i < 2000; i++) {
        int k = next[0]++;
        now[0] += FRAME;
        if (k % 17 != 0) {
          g711.offer(k & 0xFFFF, k * 160L, payload, 0, 160, now[0]);
        }
        g711.poll(pcm);
      }
    };
    call.run();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    call.run();
    assertThat(threads.getThreadAllocatedBytes(id) - before).isZero();
  }

  @Test
  void aNetworkThreadAndAPlayoutThreadCanRunTogether() throws Exception {
    JitterBuffer shared = new JitterBuffer(codec);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread playout = new Thread(() -> {
      short[] frame = new short[160];
      try {
        while (!done.get()) {
          shared.poll(frame);
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    playout.start();
    for (int k = 0; k < 20_000; k++) {
      byte[] p = SequenceCodec.payload(k, 100);
      shared.offer(k & 0xFFFF, k * 160L, p, 0, p.length, System.nanoTime());
    }
    done.set(true);
    playout.join();
    assertThat(failure.get()).isNull();
    JitterStatistics s = shared.statistics();
    assertThat(s.received()).isEqualTo(20_000);
    assertThat(s.decoded() + s.dropped() + s.late()).isLessThanOrEqualTo(20_000);
  }
}
