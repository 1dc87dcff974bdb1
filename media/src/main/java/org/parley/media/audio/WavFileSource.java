package org.parley.media.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a WAV file as {@link Pcm} frames: any PCM (8/16/24/32-bit, float, µ-law, A-law) the JDK
 * decodes, any channel count (averaged to mono), any rate (converted by {@link Resampler}). The last
 * frame is padded with silence.
 *
 * <p>Options: {@code loop} starts over at the end (no gap, no resampler reset); {@code realTime}
 * paces {@link #read} at 20 ms per frame like a microphone, otherwise reads return as fast as the
 * disk allows.
 *
 * <p>Failure: a file that is not a readable PCM WAV fails in {@link #open}; a file shorter than its
 * header announces fails with an {@link IOException} when its end is reached.
 *
 * <p>Threading: {@link AudioSource}'s. No allocation per frame.
 */
public final class WavFileSource implements AudioSource {
  private static final int CHUNK_SAMPLES = 4096;

  /** How a file is played. */
  public record Options(boolean loop, boolean realTime) {
    /** Once, as fast as it can be read: for tests and conversions. */
    public static final Options ONCE = new Options(false, false);
  }

  private final WavInput input;
  private final Options options;
  private final Resampler resampler;
  private final float[] mono = new float[CHUNK_SAMPLES];
  private final float[] pending;
  private final FramePacer pacer = new FramePacer();
  private int pendingPos;
  private int pendingLen;
  private boolean ended;
  private boolean anyAudio;
  private volatile boolean closed;
  private volatile double level;

  private WavFileSource(WavInput input, Options options) {
    this.input = input;
    this.options = options;
    int rate = input.sampleRate();
    this.resampler = rate == Pcm.SAMPLE_RATE ? null : new Resampler(rate, Pcm.SAMPLE_RATE);
    int capacity =
        resampler == null
            ? CHUNK_SAMPLES
            : Math.max(resampler.maxOutput(CHUNK_SAMPLES), resampler.drainCapacity());
    this.pending = new float[capacity];
  }

  /** Opens {@code file}; the caller owns the source and closes it. */
  public static WavFileSource open(Path file, Options options) throws IOException {
    return new WavFileSource(WavInput.open(file), options);
  }

  /** The file's own sample rate, before conversion. */
  public int fileSampleRate() {
    return input.sampleRate();
  }

  @Override
  public boolean read(short[] frame) throws IOException {
    if (closed) {
      return false;
    }
    int filled = 0;
    int peak = 0;
    while (filled < frame.length) {
      if (pendingPos == pendingLen && !refill()) {
        break;
      }
      float v = pending[pendingPos++];
      short s = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
      frame[filled++] = s;
      peak = Math.max(peak, Math.abs(s));
    }
    if (filled == 0 || closed) {
      return false;
    }
    Arrays.fill(frame, filled, frame.length, (short) 0);
    level = Math.min(1.0, peak / 32767.0);
    if (options.realTime()) {
      pacer.await(() -> closed);
    }
    return !closed;
  }

  @Override
  public double level() {
    return level;
  }

  @Override
  public void close() {
    closed = true;
    input.close();
  }

  /** Puts more converted samples into {@link #pending}; false at the end of a non-looping file. */
  private boolean refill() throws IOException {
    pendingPos = 0;
    pendingLen = 0;
    while (pendingLen == 0 && !ended && !closed) {
      int n = readInput();
      if (n < 0) {
        if (options.loop() && anyAudio) {
          input.rewind();
          continue;
        }
        ended = true;
        if (resampler != null) {
          pendingLen = resampler.drain(pending);
        }
        break;
      }
      anyAudio |= n > 0;
      if (resampler == null) {
        System.arraycopy(mono, 0, pending, 0, n);
        pendingLen = n;
      } else {
        pendingLen = resampler.process(mono, n, pending);
      }
    }
    return pendingLen > 0;
  }

  private int readInput() throws IOException {
    try {
      return input.read(mono);
    } catch (IOException e) {
      if (closed) {
        return -1;
      }
      throw e;
    }
  }
}
