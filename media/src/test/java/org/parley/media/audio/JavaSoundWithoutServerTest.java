package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The machine as it comes: no sound card, no sound server (the PulseAudio fixture is not running). */
class JavaSoundWithoutServerTest {
  private final JavaSoundDevices devices = new JavaSoundDevices();

  @Test
  void withoutASoundServerNoDevicesAreListed() {
    assertThat(devices.microphones()).isEmpty();
    assertThat(devices.speakers()).isEmpty();
  }

  @Test
  void aMicrophoneWithoutDevicesDeliversSilenceAtRealTimePace() throws Exception {
    try (DeviceSource mic = devices.openMicrophone(Optional.of("Headset"))) {
      assertThat(mic.status().kind()).isEqualTo(DeviceStatus.Kind.NO_DEVICE);
      assertThat(mic.status().detail()).contains("microphone").contains("silence");
      short[] frame = Pcm.newFrame();
      frame[0] = 99;
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        assertThat(mic.read(frame)).isTrue();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).isBetween(190L, 300L);
      assertThat(frame).containsOnly((short) 0);
      assertThat(mic.level()).isZero();
    }
  }

  @Test
  void aSpeakerWithoutDevicesDiscardsAtRealTimePace() throws Exception {
    try (DeviceSink speaker = devices.openSpeaker(Optional.empty())) {
      assertThat(speaker.status().kind()).isEqualTo(DeviceStatus.Kind.NO_DEVICE);
      assertThat(speaker.status().inUse()).isEmpty();
      short[] frame = org.parley.media.testsupport.TestSignals.tone(1000, 0.02, 0.5, Pcm.SAMPLE_RATE);
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        speaker.write(frame);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).isBetween(190L, 300L);
      assertThat(speaker.level()).isGreaterThan(0.45);
    }
  }

  @Test
  void closeFromAnotherThreadEndsABlockedRead() throws Exception {
    DeviceSource mic = devices.openMicrophone(Optional.empty());
    try (FrameLoop reader = FrameLoop.reading(mic)) {
      org.awaitility.Awaitility.await().until(() -> reader.frames.get() > 2);
      long start = System.nanoTime();
      mic.close();
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(500)).pollInterval(java.time.Duration.ofMillis(1)).until(() -> !reader.isAlive());
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(50);
      assertThat(reader.failure.get()).isNull();
    }
  }
}
