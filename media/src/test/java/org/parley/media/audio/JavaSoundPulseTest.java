package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.PulseAudioServer;
import org.parley.media.testsupport.TestSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Java Sound through a private PulseAudio server: what is played into a null sink is recorded from its monitor. */
class JavaSoundPulseTest {
  private static final Logger LOG = LoggerFactory.getLogger(JavaSoundPulseTest.class);
  private static PulseAudioServer pulse;
  private final JavaSoundDevices devices = new JavaSoundDevices();

  @BeforeAll
  static void startPulse() throws Exception {
    pulse = PulseAudioServer.start("parley_loop");
    pulse.requireJavaSoundRouting();
    pulse.setDefaultSink("parley_loop");
    pulse.setDefaultSource("parley_loop.monitor");
  }

  @AfterAll
  static void stopPulse() {
    pulse.close();
  }

  @Test
  void theServersDefaultDeviceIsListedForCaptureAndPlayback() {
    assertThat(devices.microphones()).singleElement()
        .satisfies(d -> assertThat(d.id()).startsWith("default"))
        .satisfies(d -> assertThat(d.isDefault()).isTrue());
    assertThat(devices.speakers()).singleElement().satisfies(d -> assertThat(d.isDefault()).isTrue());
  }

  @Test
  void aDeviceThatNoLongerExistsOpensTheDefaultAndSaysSo() throws Exception {
    try (DeviceSource mic = devices.openMicrophone(Optional.of("USB headset (unplugged)"));
        DeviceSink speaker = devices.openSpeaker(Optional.of("HDMI (gone)"))) {
      assertThat(mic.status().kind()).isEqualTo(DeviceStatus.Kind.DEFAULT_FALLBACK);
      assertThat(mic.status().detail()).contains("USB headset (unplugged)").contains("default");
      assertThat(mic.status().inUse()).hasValueSatisfying(id -> assertThat(id).startsWith("default"));
      assertThat(speaker.status().kind()).isEqualTo(DeviceStatus.Kind.DEFAULT_FALLBACK);
      assertThat(mic.read(Pcm.newFrame())).isTrue();
    }
  }

  @Test
  void speechPlayedThroughTheSpeakerComesBackThroughTheMicrophone(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path speech = TestSignals.speech(dir.resolve("speech.wav"), "Parley calls sound clear through the loop");
    short[] reference;
    try (WavFileSource file = WavFileSource.open(speech, WavFileSource.Options.ONCE)) {
      reference = TestSignals.readAll(file, 10_000);
    }
    int frames = reference.length / Pcm.FRAME_SAMPLES;
    int captureFrames = frames + 100;
    short[] captured = new short[captureFrames * Pcm.FRAME_SAMPLES];

    try (JavaSoundSource mic = new JavaSoundSource(Optional.empty());
        JavaSoundSink speaker = new JavaSoundSink(Optional.empty())) {
      assertThat(mic.status().kind()).isEqualTo(DeviceStatus.Kind.REQUESTED);
      assertThat(speaker.status().kind()).isEqualTo(DeviceStatus.Kind.REQUESTED);
      short[] frame = Pcm.newFrame();
      long firstFrameStart = System.nanoTime();
      mic.read(frame);
      long startupMillis = (System.nanoTime() - firstFrameStart) / 1_000_000;
      Thread player = new Thread(() -> {
        short[] out = Pcm.newFrame();
        for (int f = 0; f < frames; f++) {
          System.arraycopy(reference, f * Pcm.FRAME_SAMPLES, out, 0, Pcm.FRAME_SAMPLES);
          speaker.write(out);
        }
      }, "test-player");
      player.start();
      long start = System.nanoTime();
      for (int f = 0; f < captureFrames; f++) {
        assertThat(mic.read(frame)).isTrue();
        System.arraycopy(frame, 0, captured, f * Pcm.FRAME_SAMPLES, Pcm.FRAME_SAMPLES);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      player.join();
      LOG.info("capture startup {} ms; {} frames in {} ms", startupMillis, captureFrames, millis);
      assertThat(millis).isBetween(captureFrames * 20L - 200, captureFrames * 20L + 400);
    }
    AudioCompare.Result result = AudioCompare.compare(reference, captured);
    LOG.info("Java Sound round trip through PulseAudio: {}", result);
    Files.writeString(Path.of("target", "pulse", "round-trip.txt"), result.toString());
    assertThat(result.coverage()).isGreaterThan(0.95);
    assertThat(result.correlation()).as(result.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(result.gain()).isBetween(0.9, 1.1);
  }
}
