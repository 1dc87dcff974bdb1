package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.TestSignals;

class WavFileTest {
  @TempDir Path dir;

  @Test
  void framesWrittenToASinkReadBackUnchangedWithACorrectHeader() throws Exception {
    short[] samples = TestSignals.tone(700, 1.0, 0.4, Pcm.SAMPLE_RATE);
    Path target = dir.resolve("out.wav");
    try (WavFileSink sink = WavFileSink.create(target)) {
      short[] frame = Pcm.newFrame();
      for (int pos = 0; pos < samples.length; pos += frame.length) {
        System.arraycopy(samples, pos, frame, 0, frame.length);
        sink.write(frame);
      }
      assertThat(target).doesNotExist();
    }
    AudioFileFormat format = AudioSystem.getAudioFileFormat(target.toFile());
    assertThat(format.getFormat().getSampleRate()).isEqualTo(48_000f);
    assertThat(format.getFormat().getChannels()).isEqualTo(1);
    assertThat(format.getFrameLength()).isEqualTo(samples.length);
    assertThat(Files.size(target)).isEqualTo(44 + 2L * samples.length);
    assertThat(TestSignals.readRaw(target)).isEqualTo(samples);
    assertThat(filesIn(dir)).containsExactly("out.wav");
    try (WavFileSource source = WavFileSource.open(target, WavFileSource.Options.ONCE)) {
      assertThat(TestSignals.readAll(source, 1000)).isEqualTo(samples);
    }
  }

  @Test
  void anEightKilohertzFileIsReadAt48kHz() throws Exception {
    Path wav = TestSignals.writeWav(dir.resolve("8k.wav"), TestSignals.tone(1000, 1.0, 0.5, 8000), 8000);
    short[] read;
    try (WavFileSource source = WavFileSource.open(wav, WavFileSource.Options.ONCE)) {
      assertThat(source.fileSampleRate()).isEqualTo(8000);
      read = TestSignals.readAll(source, 1000);
    }
    assertThat(read).hasSize(48_000);
    short[] ideal = TestSignals.tone(1000, 1.0, 0.5, Pcm.SAMPLE_RATE);
    AudioCompare.Result result = AudioCompare.compare(
        Arrays.copyOfRange(ideal, 480, 47_000), Arrays.copyOfRange(read, 480, 47_000));
    assertThat(result.lagSamples()).isZero();
    assertThat(result.correlation()).isGreaterThan(0.999);
  }

  @Test
  void speechAt22kHzFromEspeakMatchesSoxResampling() throws Exception {
    Path speech = TestSignals.speech(dir.resolve("s.wav"), "Parley resamples speech");
    Path bySox = TestSignals.soxResample(speech, dir.resolve("s48.wav"), 48_000);
    short[] ours;
    try (WavFileSource source = WavFileSource.open(speech, WavFileSource.Options.ONCE)) {
      ours = TestSignals.readAll(source, 10_000);
    }
    AudioCompare.Result result = AudioCompare.compare(TestSignals.readRaw(bySox), ours);
    assertThat(Math.abs(result.lagSamples())).isLessThanOrEqualTo(2);
    assertThat(result.correlation()).as(result.toString()).isGreaterThan(0.99);
  }

  @Test
  void aStereoFileIsMixedToMono() throws Exception {
    Path wav = dir.resolve("stereo.wav");
    Path mono = TestSignals.writeWav(dir.resolve("m.wav"), TestSignals.tone(300, 0.2, 0.5, Pcm.SAMPLE_RATE), Pcm.SAMPLE_RATE);
    new ProcessBuilder("sox", mono.toString(), "-c", "2", wav.toString()).start().waitFor();
    try (WavFileSource source = WavFileSource.open(wav, WavFileSource.Options.ONCE)) {
      assertThat(TestSignals.readAll(source, 100)).isEqualTo(TestSignals.readRaw(mono));
    }
  }

  @Test
  void aLoopingSourceStartsOverAndTheLastFrameIsPadded() throws Exception {
    short[] samples = TestSignals.tone(500, 0.03, 0.5, Pcm.SAMPLE_RATE);
    Path wav = TestSignals.writeWav(dir.resolve("short.wav"), samples, Pcm.SAMPLE_RATE);
    try (WavFileSource once = WavFileSource.open(wav, WavFileSource.Options.ONCE)) {
      short[] all = TestSignals.readAll(once, 100);
      assertThat(all).hasSize(2 * Pcm.FRAME_SAMPLES);
      assertThat(Arrays.copyOfRange(all, samples.length, all.length)).containsOnly((short) 0);
    }
    try (WavFileSource looping = WavFileSource.open(wav, new WavFileSource.Options(true, false))) {
      short[] all = TestSignals.readAll(looping, 6);
      assertThat(all).hasSize(6 * Pcm.FRAME_SAMPLES);
      assertThat(Arrays.copyOfRange(all, samples.length, 2 * samples.length)).isEqualTo(samples);
    }
  }

  @Test
  void aRealTimeSourceDeliversOneFrameEvery20Milliseconds() throws Exception {
    Path wav = TestSignals.writeWav(dir.resolve("rt.wav"), TestSignals.tone(500, 1, 0.5, Pcm.SAMPLE_RATE), Pcm.SAMPLE_RATE);
    try (WavFileSource source = WavFileSource.open(wav, new WavFileSource.Options(false, true))) {
      long start = System.nanoTime();
      TestSignals.readAll(source, 15);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).isBetween(290L, 450L);
    }
  }

  @Test
  void closeFromAnotherThreadEndsAPacedRead() throws Exception {
    Path wav = TestSignals.writeWav(dir.resolve("c.wav"), TestSignals.tone(500, 5, 0.5, Pcm.SAMPLE_RATE), Pcm.SAMPLE_RATE);
    WavFileSource source = WavFileSource.open(wav, new WavFileSource.Options(true, true));
    Thread closer = new Thread(source::close);
    short[] frame = Pcm.newFrame();
    source.read(frame);
    closer.start();
    int frames = 0;
    while (source.read(frame)) {
      frames++;
    }
    closer.join();
    assertThat(frames).isLessThan(5);
  }

  @Test
  void garbageIsRejectedWithAClearMessage() throws IOException {
    Path junk = Files.write(dir.resolve("junk.wav"), "this is not audio at all, just text".getBytes());
    assertThatThrownBy(() -> WavFileSource.open(junk, WavFileSource.Options.ONCE))
        .isInstanceOf(IOException.class).hasMessageContaining("junk.wav").hasMessageContaining("not a WAV");
  }

  @Test
  void aNonPcmWavIsRejectedWithAClearMessage() throws Exception {
    Path gsm = dir.resolve("gsm.wav");
    Path source = TestSignals.writeWav(dir.resolve("p.wav"), TestSignals.tone(500, 0.2, 0.5, 8000), 8000);
    Process sox = new ProcessBuilder("sox", source.toString(), "-e", "gsm-full-rate", gsm.toString()).start();
    assertThat(sox.waitFor()).isZero();
    assertThatThrownBy(() -> WavFileSource.open(gsm, WavFileSource.Options.ONCE))
        .isInstanceOf(IOException.class).hasMessageContaining("gsm.wav");
  }

  @Test
  void aTruncatedWavIsRejectedWithAClearMessage() throws Exception {
    Path whole = TestSignals.writeWav(dir.resolve("w.wav"), TestSignals.tone(500, 0.5, 0.5, 8000), 8000);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(bytes, bytes.length / 2));
    Path header = Files.write(dir.resolve("header.wav"), Arrays.copyOf(bytes, 30));
    assertThatThrownBy(() -> WavFileSource.open(cut, WavFileSource.Options.ONCE))
        .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> WavFileSource.open(header, WavFileSource.Options.ONCE))
        .isInstanceOf(IOException.class).hasMessageContaining("header.wav");
  }

  private static java.util.List<String> filesIn(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
