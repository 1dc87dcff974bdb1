package org.parley.media.audio;

import java.util.Optional;
import javax.sound.sampled.SourceDataLine;

/**
 * A speaker through {@code javax.sound.sampled}: 48 kHz 16-bit lines (mono duplicated to stereo
 * when the device wants it), 80 ms line buffer, one 20 ms frame per {@link #write}, which waits
 * while the buffer is full and so paces its caller.
 *
 * <p>The line is only given what {@code available()} says fits, so {@code write} never sits inside
 * a native call; {@link #close()} from another thread ends a waiting write at once and drops what is
 * buffered. PulseAudio takes audio in bursts, so a write may wait longer than a frame; frames are
 * never dropped for that. A line that throws, closes, or takes nothing for 1.5 s (3 s right after it starts) is
 * treated as gone — PulseAudio legitimately pauses a stream for up to about a second after moving
 * it to another sink, so a shorter limit reopens healthy lines: the default device is opened instead, and if that fails too the sink discards
 * audio paced by a clock and retries the default once a second.
 *
 * <p>Threading: {@link AudioSink}'s — one media thread writes; any thread may close or ask {@link
 * #status()}. No allocation per frame.
 */
public final class JavaSoundSink extends JavaSoundStream<SourceDataLine> implements DeviceSink {
  private final byte[] bytes = new byte[PcmBytes.frameBytes(2)];
  private volatile double level;
  /** A device that takes nothing for this long is gone (PulseAudio pauses up to ~1 s after a move). */
  static final long LOST_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(1_500);
  private long writtenSinceStart;
  private long lastConsumed;

  /** Opens {@code deviceId} (empty: the default); never throws for a missing device. */
  public JavaSoundSink(Optional<String> deviceId) {
    super(SourceDataLine.class, deviceId, "speaker");
  }

  @Override
  public void write(short[] frame) {
    while (!isClosed()) {
      JavaSoundLines.Opened<SourceDataLine> opened = current();
      if (opened == null) {
        retryIfDue();
        if (current() == null) {
          level = PcmBytes.peak(frame);
          pacer.await(this::isClosed);
          return;
        }
      } else {
        level = PcmBytes.toBytes(frame, opened.channels(), bytes);
        if (play(opened)) {
          return;
        }
      }
    }
  }

  @Override
  public double level() {
    return level;
  }

  @Override
  void started(JavaSoundLines.Opened<SourceDataLine> opened) {
    writtenSinceStart = 0;
    lastConsumed = System.nanoTime();
    opened.line().start();
  }

  /** Hands {@link #bytes} to the line; false when closed or when the line was declared lost. */
  private boolean play(JavaSoundLines.Opened<SourceDataLine> opened) {
    SourceDataLine line = opened.line();
    int total = PcmBytes.frameBytes(opened.channels());
    int sampleBytes = 2 * opened.channels();
    int done = 0;
    while (done < total) {
      if (isClosed()) {
        return false;
      }
      try {
        int fits = Math.min(line.available(), total - done) / sampleBytes * sampleBytes;
        int n = fits > 0 ? line.write(bytes, done, fits) : 0;
        long now = System.nanoTime();
        if (n > 0) {
          done += n;
          writtenSinceStart += n;
          lastConsumed = now;
          continue;
        }
        if (!line.isOpen()) {
          lost("line closed");
          return false;
        }
        boolean consuming = writtenSinceStart > line.getBufferSize();
        if (now - lastConsumed > (consuming ? LOST_NANOS : STARTUP_NANOS)) {
          lost("device took no audio for " + (now - lastConsumed) / 1_000_000 + " ms");
          return false;
        }
        park(JavaSoundSource.waitNanos(total - done, sampleBytes));
      } catch (RuntimeException e) {
        if (isClosed()) {
          return false;
        }
        lost(e.toString());
        return false;
      }
    }
    return true;
  }
}
