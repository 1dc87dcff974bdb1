package org.parley.media.audio;

import java.io.IOException;
import java.util.Arrays;

/**
 * Wraps a source with a mute switch. While muted it still reads the device (so pacing and the
 * device's buffer stay as they are) but hands on silence and reports level 0.
 *
 * <p>Threading: {@link #read} from the media thread; {@link #setMuted} and {@link #close()} from any
 * thread. The wrapped source is owned by this object and closed with it.
 */
public final class MutableSource implements AudioSource {
  private final AudioSource source;
  private volatile boolean muted;

  public MutableSource(AudioSource source) {
    this.source = source;
  }

  public void setMuted(boolean muted) {
    this.muted = muted;
  }

  public boolean isMuted() {
    return muted;
  }

  @Override
  public boolean read(short[] frame) throws IOException {
    boolean more = source.read(frame);
    if (muted) {
      Arrays.fill(frame, (short) 0);
    }
    return more;
  }

  @Override
  public double level() {
    return muted ? 0.0 : source.level();
  }

  @Override
  public void close() {
    source.close();
  }
}
