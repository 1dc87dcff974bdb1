package org.parley.media.audio;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A test thread that reads from a source or writes to a sink until stopped, counting frames. */
final class FrameLoop implements AutoCloseable {
  final AtomicInteger frames = new AtomicInteger();
  final AtomicReference<Throwable> failure = new AtomicReference<>();
  final AtomicInteger loudFrames = new AtomicInteger();
  private final Thread thread;
  private volatile boolean running = true;

  private FrameLoop(String name, Step step) {
    thread = new Thread(() -> {
      short[] frame = Pcm.newFrame();
      try {
        while (running && step.run(frame)) {
          frames.incrementAndGet();
          if (PcmBytes.peak(frame) > 0.05) {
            loudFrames.incrementAndGet();
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Reads {@code source} until stopped or it ends. */
  static FrameLoop reading(AudioSource source) {
    return new FrameLoop("test-reader", source::read);
  }

  /** Writes a 1 kHz tone at half scale to {@code sink} until stopped. */
  static FrameLoop writingTone(AudioSink sink) {
    short[] tone = org.parley.media.testsupport.TestSignals.tone(1000, 0.02, 0.5, Pcm.SAMPLE_RATE);
    return new FrameLoop("test-writer", frame -> {
      System.arraycopy(tone, 0, frame, 0, frame.length);
      sink.write(frame);
      return true;
    });
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(2_000);
  }

  private interface Step {
    boolean run(short[] frame) throws Exception;
  }
}
