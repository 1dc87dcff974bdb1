package org.parley.media.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.parley.media.audio.AudioSource;
import org.parley.media.audio.Pcm;

/** Test audio: tones, speech from espeak-ng (+ sox), WAV writing, and draining a source. */
public final class TestSignals {
  private TestSignals() {}

  /** A sine at {@code hz}, {@code seconds} long, at {@code rate}, peak {@code amplitude} of full scale. */
  public static short[] tone(double hz, double seconds, double amplitude, int rate) {
    short[] out = new short[(int) Math.round(seconds * rate)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return out;
  }

  /** Writes mono 16-bit PCM at {@code rate} with the JDK's WAV writer. */
  public static Path writeWav(Path file, short[] samples, int rate) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : samples) {
      bytes.putShort(s);
    }
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, samples.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
    return file;
  }

  /** Speaks {@code text} with espeak-ng (its own rate, 22.05 kHz) into {@code file}. */
  public static Path speech(Path file, String text) throws IOException {
    run("espeak-ng", "-v", "en-us", "-w", file.toString(), text);
    return file;
  }

  /** Converts {@code in} with sox to mono 16-bit at {@code rate}. */
  public static Path soxResample(Path in, Path out, int rate) throws IOException {
    run("sox", in.toString(), "-r", Integer.toString(rate), "-c", "1", "-b", "16", "-e",
        "signed-integer", out.toString());
    return out;
  }

  /** Reads a source to its end (or {@code maxFrames}) into one array. */
  public static short[] readAll(AudioSource source, int maxFrames) throws IOException {
    short[] frame = Pcm.newFrame();
    short[] all = new short[Pcm.FRAME_SAMPLES * 64];
    int length = 0;
    for (int f = 0; f < maxFrames && source.read(frame); f++) {
      if (length + frame.length > all.length) {
        all = Arrays.copyOf(all, all.length * 2);
      }
      System.arraycopy(frame, 0, all, length, frame.length);
      length += frame.length;
    }
    return Arrays.copyOf(all, length);
  }

  /** Reads a whole 16-bit mono WAV without conversion (reference data for comparisons). */
  public static short[] readRaw(Path wav) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16 || f.isBigEndian()) {
        throw new IOException("expected mono 16-bit little-endian: " + f);
      }
      ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      short[] out = new short[bytes.remaining() / 2];
      bytes.asShortBuffer().get(out);
      return out;
    } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
      throw new IOException(e);
    }
  }

  private static void run(String... command) throws IOException {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + new String(out));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (!Files.exists(Path.of(command[command.length - 1])) && command[0].equals("sox")) {
      throw new IOException("sox wrote nothing");
    }
  }
}
