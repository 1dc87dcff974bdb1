package org.parley.media.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test sink that paces like a device (20 ms per frame) and keeps copies of what it was given. */
final class RecordingSink implements AudioSink {
  final List<short[]> frames = new CopyOnWriteArrayList<>();
  final List<Long> writeTimes = new CopyOnWriteArrayList<>();
  private final FramePacer pacer = new FramePacer();
  volatile boolean closed;
  volatile long closedAt;

  @Override
  public void write(short[] frame) {
    if (closed) {
      return;
    }
    frames.add(frame.clone());
    writeTimes.add(System.nanoTime());
    pacer.await(() -> closed);
  }

  @Override
  public double level() {
    return 0;
  }

  @Override
  public void close() {
    closedAt = System.nanoTime();
    closed = true;
  }

  List<short[]> snapshot() {
    return new ArrayList<>(frames);
  }
}
