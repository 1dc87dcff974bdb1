package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {
  private final ReplayWindow window = new ReplayWindow();

  @Test
  void acceptsAnyIndexWhenEmpty() {
    assertThat(window.accepts(0)).isTrue();
    assertThat(window.accepts(1L << 47)).isTrue();
  }

  @Test
  void refusesAnIndexAlreadyRecorded() {
    window.record(100);

    assertThat(window.accepts(100)).isFalse();
  }

  @Test
  void acceptsALateIndexInsideTheWindowOnce() {
    window.record(100);

    assertThat(window.accepts(37)).isTrue();
    window.record(37);
    assertThat(window.accepts(37)).isFalse();
  }

  @Test
  void refusesAnIndexSixtyFourOrMoreBehindTheHighest() {
    window.record(100);

    assertThat(window.accepts(36)).isFalse();
    assertThat(window.accepts(0)).isFalse();
  }

  @Test
  void forgetsSeenIndicesThatSlideOutAfterABigJump() {
    window.record(100);
    window.record(99);
    window.record(1000);

    assertThat(window.accepts(999)).isTrue();
    assertThat(window.accepts(99)).isFalse();
  }

  @Test
  void keepsSeenIndicesThatStayInsideAfterASmallJump() {
    window.record(100);
    window.record(98);
    window.record(110);

    assertThat(window.accepts(98)).isFalse();
    assertThat(window.accepts(99)).isTrue();
    assertThat(window.accepts(100)).isFalse();
  }

  @Test
  void refusesNegativeIndices() {
    assertThat(window.accepts(-1)).isFalse();
  }
}
