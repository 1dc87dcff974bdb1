package org.parley.media.audio;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link RingPattern} on a ringing device, on its own daemon thread, until stopped.
 *
 * <p>The ringer opens a sink from {@code openSink} on each {@link #start()} and closes it on {@link
 * #stop()}: closing drops what the device has buffered, so the ring stops within a frame (about
 * 20 ms) rather than after the device buffer has drained. Both calls are idempotent and may come
 * from any thread; {@code stop()} returns once the thread has ended (bounded by one sink write).
 * A sink that fails ends the ringing with a log line; it is not the caller's error.
 */
public final class Ringer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ringer.class);

  private final Supplier<? extends AudioSink> openSink;
  private final RingPattern pattern;
  private Thread thread;
  private AudioSink sink;
  private volatile boolean ringing;

  /** @param openSink opens the ringing device; called on {@link #start()}, owned by the ringer */
  public Ringer(Supplier<? extends AudioSink> openSink, RingPattern pattern) {
    this.openSink = Objects.requireNonNull(openSink);
    this.pattern = Objects.requireNonNull(pattern);
  }

  /** Starts ringing; does nothing while already ringing. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    sink = openSink.get();
    ringing = true;
    AudioSink target = sink;
    thread = new Thread(() -> ring(target), "parley-ringer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops ringing and waits for the ringing thread to end; does nothing when not ringing. */
  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    ringing = false;
    sink.close();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    thread = null;
    sink = null;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isRinging() {
    return ringing;
  }

  @Override
  public void close() {
    stop();
  }

  private void ring(AudioSink target) {
    RingTone tone = new RingTone(pattern);
    short[] frame = Pcm.newFrame();
    try {
      while (ringing) {
        tone.next(frame);
        target.write(frame);
      }
    } catch (IOException | RuntimeException e) {
      if (ringing) {
        LOG.warn("ringing stopped: the ringing device failed", e);
      }
    }
  }
}
