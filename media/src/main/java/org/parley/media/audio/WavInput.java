package org.parley.media.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A WAV file decoded by the JDK to 16-bit little-endian PCM at the file's own rate, handed out as
 * mono floats. Knows the frame count the header announces and fails when the data ends early.
 *
 * <p>Threading: one reader thread; {@link #close()} from any thread.
 */
final class WavInput implements AutoCloseable {
  private final Path file;
  private final AudioFormat decoded;
  private final long announcedFrames;
  private final byte[] bytes;
  private AudioInputStream stream;
  private long framesRead;

  private WavInput(Path file, AudioFormat decoded, long announcedFrames, AudioInputStream stream) {
    this.file = file;
    this.decoded = decoded;
    this.announcedFrames = announcedFrames;
    this.stream = stream;
    this.bytes = new byte[4096 * decoded.getFrameSize()];
  }

  static WavInput open(Path file) throws IOException {
    AudioFileFormat fileFormat;
    try {
      fileFormat = AudioSystem.getAudioFileFormat(file.toFile());
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(file + " is not a WAV file with PCM audio that can be read ("
          + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new IOException("cannot read the header of " + file + ": " + e.getMessage(), e);
    }
    if (fileFormat.getType() != AudioFileFormat.Type.WAVE) {
      throw new IOException(file + " is a " + fileFormat.getType() + " file, not WAV");
    }
    AudioFormat format = fileFormat.getFormat();
    if (format.getChannels() < 1 || format.getSampleRate() < 1000 || format.getSampleRate() > 384_000) {
      throw new IOException(file + " has an unusable format: " + format);
    }
    long expectedFrames = fileFormat.getFrameLength();
    AudioFormat decoded = new AudioFormat(
        AudioFormat.Encoding.PCM_SIGNED, format.getSampleRate(), 16, format.getChannels(),
        2 * format.getChannels(), format.getSampleRate(), false);
    AudioInputStream stream = decode(file, decoded);
    long announcedBytes = fileFormat.getByteLength();
    if (announcedBytes != AudioSystem.NOT_SPECIFIED && announcedBytes > Files.size(file)) {
      stream.close();
      throw new IOException(file + " is truncated: its header announces " + announcedBytes
          + " bytes but the file has " + Files.size(file));
    }
    return new WavInput(file, decoded, expectedFrames, stream);
  }

  int sampleRate() {
    return Math.round(decoded.getSampleRate());
  }

  /** Reads up to {@code mono.length} samples; -1 at the end of the data. */
  int read(float[] mono) throws IOException {
    int channels = decoded.getChannels();
    int frameSize = decoded.getFrameSize();
    int want = Math.min(mono.length, bytes.length / frameSize) * frameSize;
    int got = 0;
    while (got < want) {
      int n = stream.read(bytes, got, want - got);
      if (n < 0) {
        break;
      }
      got += n;
    }
    int frames = got / frameSize;
    if (frames == 0) {
      checkComplete();
      return -1;
    }
    for (int f = 0, b = 0; f < frames; f++) {
      int sum = 0;
      for (int c = 0; c < channels; c++, b += 2) {
        sum += (short) ((bytes[b] & 0xff) | (bytes[b + 1] << 8));
      }
      mono[f] = (float) sum / channels;
    }
    framesRead += frames;
    return frames;
  }

  /** Starts over at the first sample. */
  void rewind() throws IOException {
    stream.close();
    stream = decode(file, decoded);
    framesRead = 0;
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      // Closing a read-only file stream: nothing was lost.
    }
  }

  private void checkComplete() throws IOException {
    if (announcedFrames != AudioSystem.NOT_SPECIFIED && framesRead < announcedFrames) {
      throw new IOException(file + " is truncated: its header announces " + announcedFrames
          + " frames but the data ends after " + framesRead);
    }
  }

  private static AudioInputStream decode(Path file, AudioFormat target) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 65_536);
    try {
      AudioInputStream raw = AudioSystem.getAudioInputStream(in);
      if (raw.getFormat().matches(target)) {
        return raw;
      }
      return AudioSystem.getAudioInputStream(target, raw);
    } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
      in.close();
      throw new IOException(file + ": the JDK cannot decode " + e.getMessage(), e);
    }
  }
}
