package org.parley.media.audio;

import java.util.Arrays;
import java.util.Optional;
import javax.sound.sampled.TargetDataLine;

/**
 * A microphone through {@code javax.sound.sampled}: 48 kHz 16-bit lines (stereo averaged to mono),
 * 80 ms line buffer, one 20 ms frame per {@link #read}.
 *
 * <p>The line is polled with {@code available()} so that {@code read} never sits inside a native
 * call that cannot be interrupted: {@link #close()} from another thread returns a blocked {@code
 * read} within a few milliseconds. A line that throws, closes, or delivers nothing for 200 ms (2 s
 * right after it starts) is treated as gone: the default device is opened instead, and if that fails
 * too the source delivers silence paced by a clock and retries the default once a second.
 *
 * <p>Threading: {@link AudioSource}'s — one media thread reads; any thread may close or ask {@link
 * #status()}. No allocation per frame.
 */
public final class JavaSoundSource extends JavaSoundStream<TargetDataLine> implements DeviceSource {
  private final byte[] bytes = new byte[PcmBytes.frameBytes(2)];
  private volatile double level;
  private boolean flowing;

  /** Opens {@code deviceId} (empty: the default); never throws for a missing device. */
  public JavaSoundSource(Optional<String> deviceId) {
    super(TargetDataLine.class, deviceId, "microphone");
  }

  @Override
  public boolean read(short[] frame) {
    while (!isClosed()) {
      JavaSoundLines.Opened<TargetDataLine> opened = current();
      if (opened == null) {
        retryIfDue();
        if (current() == null) {
          pacer.await(this::isClosed);
          Arrays.fill(frame, (short) 0);
          level = 0;
          return !isClosed();
        }
      } else if (capture(opened)) {
        level = PcmBytes.toSamples(bytes, opened.channels(), frame);
        return true;
      }
    }
    return false;
  }

  @Override
  public double level() {
    return level;
  }

  @Override
  void started(JavaSoundLines.Opened<TargetDataLine> opened) {
    flowing = false;
    opened.line().start();
  }

  /** Fills {@link #bytes} with one frame; false when closed or when the line was declared lost. */
  private boolean capture(JavaSoundLines.Opened<TargetDataLine> opened) {
    TargetDataLine line = opened.line();
    int need = PcmBytes.frameBytes(opened.channels());
    int sampleBytes = 2 * opened.channels();
    int got = 0;
    long lastProgress = System.nanoTime();
    while (got < need) {
      if (isClosed()) {
        return false;
      }
      try {
        int available = Math.min(line.available(), need - got) / sampleBytes * sampleBytes;
        int n = available > 0 ? line.read(bytes, got, available) : 0;
        long now = System.nanoTime();
        if (n > 0) {
          got += n;
          lastProgress = now;
          flowing = true;
          continue;
        }
        if (!line.isOpen()) {
          lost("line closed");
          return false;
        }
        if (now - lastProgress > (flowing ? STALL_NANOS : STARTUP_NANOS)) {
          lost("no audio for " + (now - lastProgress) / 1_000_000 + " ms");
          return false;
        }
        park(waitNanos(need - got, sampleBytes));
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

  /** Half the time the missing bytes take to arrive, between 1 and 10 ms. */
  static long waitNanos(int missingBytes, int sampleBytes) {
    long nanos = (long) missingBytes / sampleBytes * 1_000_000_000L / Pcm.SAMPLE_RATE / 2;
    return Math.max(1_000_000L, Math.min(10_000_000L, nanos));
  }
}
