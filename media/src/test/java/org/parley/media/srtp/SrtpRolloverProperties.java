package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.srtp.TestPackets.key;
import static org.parley.media.srtp.TestPackets.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Round trips over sequence wraps, with loss and local reordering, for any starting point. */
class SrtpRolloverProperties {
  private static final int BLOCK = 16;

  @Property(tries = 60)
  void everyPacketRoundTripsAcrossWrapsWithLossAndReordering(
      @ForAll @IntRange(max = 65_535) int firstSeq,
      @ForAll @IntRange(min = 1, max = 30_000) int maxBurstLoss,
      @ForAll long seed) {
    SrtpSession sender = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(4), key(5));
    SrtpSession receiver = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(5), key(4));
    Random random = new Random(seed);
    List<byte[]> wire = new ArrayList<>();
    List<byte[]> plain = new ArrayList<>();
    long seq = firstSeq;
    for (int n = 0; n < BLOCK * 40; n++) {
      byte[] p = rtp((int) (seq & 0xFFFF), 77, 30);
      plain.add(Arrays.copyOf(p, 42));
      sender.protectRtp(p, 0, 42);
      wire.add(p);
      boolean blockEnds = n % BLOCK == BLOCK - 1;
      seq += 1 + random.nextInt(blockEnds ? maxBurstLoss : 3);
    }

    for (int i : shuffledWithinBlocks(wire.size(), random)) {
      byte[] p = wire.get(i);
      assertThat(receiver.unprotectRtp(p, 0, 52)).as("packet %d", i).isEqualTo(42);
      assertThat(Arrays.copyOf(p, 42)).isEqualTo(plain.get(i));
    }
  }

  @Property(tries = 30)
  void aSecondCopyOfAnyPacketIsRefused(
      @ForAll @IntRange(max = 65_535) int firstSeq, @ForAll @IntRange(min = 0, max = 99) int replayed) {
    SrtpSession sender = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(4), key(5));
    SrtpSession receiver = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(5), key(4));
    byte[] copy = null;
    for (int n = 0; n < 100; n++) {
      byte[] p = rtp((firstSeq + n) & 0xFFFF, 9, 10);
      sender.protectRtp(p, 0, 22);
      if (n == replayed) {
        copy = p.clone();
      }
      receiver.unprotectRtp(p, 0, 32);
    }
    boolean insideWindow = replayed >= 100 - ReplayWindow.SIZE;

    assertThat(receiver.unprotectRtp(copy, 0, 32)).as(insideWindow ? "replay" : "too old").isEqualTo(-1);
  }

  /**
   * A permutation that reorders packets only within blocks of {@value #BLOCK}, so none arrives
   * more than 48 indices late (inside the replay window); losses of up to 30,000 happen between
   * blocks. The stream's first packet stays first: a receiver takes ROC 0 from the first packet
   * it authenticates (RFC 3711 section 3.3.1), so a stream that wraps before its first packet
   * arrives cannot be read by any implementation.
   */
  private static List<Integer> shuffledWithinBlocks(int size, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      order.add(i);
    }
    for (int start = 0; start < size; start += BLOCK) {
      int from = start == 0 ? 1 : start;
      Collections.shuffle(order.subList(from, Math.min(size, start + BLOCK)), random);
    }
    return order;
  }
}
