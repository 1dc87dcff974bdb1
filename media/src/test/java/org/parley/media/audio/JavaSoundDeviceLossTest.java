package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.media.audio.DeviceStatus.Kind;
import org.parley.media.testsupport.PulseAudioServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Devices that vanish mid-stream (null sinks unloaded): sources and sinks keep pacing and never throw. */
class JavaSoundDeviceLossTest {
  private static final Logger LOG = LoggerFactory.getLogger(JavaSoundDeviceLossTest.class);
  private PulseAudioServer pulse;

  @AfterEach
  void stopPulse() {
    if (pulse != null) {
      pulse.close();
    }
  }

  private void startWith(String... sinks) throws Exception {
    pulse = PulseAudioServer.start(sinks);
    pulse.requireJavaSoundRouting();
    pulse.setDefaultSink(sinks[0]);
    pulse.setDefaultSource(sinks[0] + ".monitor");
  }

  @Test
  void whenTheDeviceIsUnloadedPulseAudioMovesTheStreamsAndAudioKeepsFlowing() throws Exception {
    startWith("first", "second");
    try (JavaSoundSource mic = new JavaSoundSource(Optional.empty());
        JavaSoundSink speaker = new JavaSoundSink(Optional.empty());
        FrameLoop reader = FrameLoop.reading(mic);
        FrameLoop writer = FrameLoop.writingTone(speaker)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> reader.loudFrames.get() > 10);

      pulse.unloadModule(pulse.moduleOf("first"));
      pulse.setDefaultSource("second.monitor");
      int readBefore = reader.frames.get();
      int loudBefore = reader.loudFrames.get();
      long start = System.nanoTime();
      await().atMost(Duration.ofSeconds(10)).until(() -> reader.frames.get() >= readBefore + 100);
      long millis = (System.nanoTime() - start) / 1_000_000;

      LOG.info("after unloading: 100 frames in {} ms, loud frames {}, mic {}, speaker {}",
          millis, reader.loudFrames.get() - loudBefore, mic.status(), speaker.status());
      assertThat(millis).isBetween(1_700L, 2_600L);
      assertThat(reader.loudFrames.get() - loudBefore).as("tone still heard").isGreaterThan(50);
      assertThat(reader.failure.get()).isNull();
      assertThat(writer.failure.get()).isNull();
    }
  }

  @Test
  void whenEveryDeviceIsGoneTheMicDeliversPacedSilenceAndRecoversWhenOneReturns() throws Exception {
    startWith("only");
    try (JavaSoundSource mic = new JavaSoundSource(Optional.empty());
        JavaSoundSink speaker = new JavaSoundSink(Optional.empty());
        FrameLoop reader = FrameLoop.reading(mic);
        FrameLoop writer = FrameLoop.writingTone(speaker)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> reader.loudFrames.get() > 10);

      pulse.unloadModule(pulse.moduleOf("only"));
      await().atMost(Duration.ofSeconds(5)).until(
          () -> mic.status().kind() == Kind.NO_DEVICE && speaker.status().kind() == Kind.NO_DEVICE);
      LOG.info("all devices gone: mic {}, speaker {}", mic.status(), speaker.status());
      int readBefore = reader.frames.get();
      int writtenBefore = writer.frames.get();
      long start = System.nanoTime();
      await().atMost(Duration.ofSeconds(5)).until(() -> reader.frames.get() >= readBefore + 50);
      long millis = (System.nanoTime() - start) / 1_000_000;
      int written = writer.frames.get() - writtenBefore;
      assertThat(millis).as("silence paced at 20 ms").isBetween(900L, 1_300L);
      assertThat(written).as("discarding paced at 20 ms").isBetween(40, 65);

      pulse.loadNullSink("replugged");
      pulse.setDefaultSink("replugged");
      pulse.setDefaultSource("replugged.monitor");
      await().atMost(Duration.ofSeconds(10)).until(
          () -> mic.status().kind() == Kind.REQUESTED && speaker.status().kind() == Kind.REQUESTED);
      int loud = reader.loudFrames.get();
      await().atMost(Duration.ofSeconds(10)).until(() -> reader.loudFrames.get() > loud + 10);
      LOG.info("device back: mic {}, speaker {}", mic.status(), speaker.status());
      assertThat(reader.failure.get()).isNull();
      assertThat(writer.failure.get()).isNull();
    }
  }
}
