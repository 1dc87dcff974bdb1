package org.parley.media.audio;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import org.parley.media.audio.DeviceStatus.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device half shared by {@link JavaSoundSource} and {@link JavaSoundSink}: which line is open,
 * falling back to the default when it fails, retrying the default while none is open, and closing
 * from any thread.
 *
 * <p>Threading: one media thread does I/O and calls {@link #lost} and {@link #retryIfDue}; {@link
 * #close()} and {@link #status()} may be called from any thread. The media thread never waits on a
 * lock: {@code close()} only sets a flag, closes the line and unparks the media thread.
 */
abstract class JavaSoundStream<L extends DataLine> implements AutoCloseable {
  /** A started line that makes no progress for this long is treated as gone. */
  static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  /** A freshly started line may take this long before audio flows (PulseAudio: 0.25 to 1.7 s measured). */
  static final long STARTUP_NANOS = TimeUnit.MILLISECONDS.toNanos(3_000);
  private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Logger LOG = LoggerFactory.getLogger(JavaSoundStream.class);

  private final Class<L> lineClass;
  private final Optional<String> requested;
  private final String role;
  final FramePacer pacer = new FramePacer();
  private volatile JavaSoundLines.Opened<L> current;
  private volatile DeviceStatus status;
  private volatile boolean closed;
  private volatile Thread mediaThread;
  private long nextRetry;

  JavaSoundStream(Class<L> lineClass, Optional<String> requested, String role) {
    this.lineClass = lineClass;
    this.requested = requested;
    this.role = role;
    openFirst();
  }

  public final DeviceStatus status() {
    return status;
  }

  final boolean isClosed() {
    return closed;
  }

  /** The open line, or null while none is open. Media thread only. */
  final JavaSoundLines.Opened<L> current() {
    mediaThread = Thread.currentThread();
    return current;
  }

  /** Media thread: the open line failed; close it and reopen the default, or go deviceless. */
  final void lost(String why) {
    JavaSoundLines.Opened<L> failed = current;
    current = null;
    if (failed != null) {
      closeQuietly(failed.line());
    }
    LOG.warn("{} '{}' stopped working ({}); trying the default device", role, inUse(failed), why);
    if (!tryOpen(Optional.empty(), fallbackKind(), role + " lost (" + why + "), using the default")) {
      becomeDeviceless(role + " lost (" + why + ") and no default device: "
          + (status == null ? "" : status.detail()));
    }
  }

  /** Media thread, while no line is open: tries the default device at most once a second. */
  final void retryIfDue() {
    long now = System.nanoTime();
    if (closed || now - nextRetry < 0) {
      return;
    }
    nextRetry = now + RETRY_NANOS;
    if (tryOpen(Optional.empty(), fallbackKind(), role + ": default device is back")) {
      LOG.info("{}: default device available again", role);
    }
  }

  /** Parks the media thread for up to {@code nanos}; {@link #close()} wakes it early. */
  final void park(long nanos) {
    LockSupport.parkNanos(this, nanos);
  }

  /** Starts a line just opened; throws to report a device that refuses to start. */
  abstract void started(JavaSoundLines.Opened<L> opened);

  @Override
  public void close() {
    closed = true;
    JavaSoundLines.Opened<L> open = current;
    if (open != null) {
      closeQuietly(open.line());
    }
    Thread thread = mediaThread;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private void openFirst() {
    nextRetry = System.nanoTime() + RETRY_NANOS;
    if (tryOpen(requested, Kind.REQUESTED, role + " open")) {
      return;
    }
    String firstFailure = status.detail();
    if (requested.isPresent()
        && tryOpen(Optional.empty(), Kind.DEFAULT_FALLBACK,
            role + " '" + requested.get() + "' unavailable (" + firstFailure + "), using the default")) {
      LOG.warn("{}", status.detail());
      return;
    }
    becomeDeviceless(role + " unavailable (" + status.detail() + "); "
        + (lineClass.getSimpleName().startsWith("Target") ? "delivering silence" : "discarding audio"));
  }

  private boolean tryOpen(Optional<String> id, Kind kind, String detail) {
    try {
      JavaSoundLines.Opened<L> opened = JavaSoundLines.open(lineClass, id);
      try {
        started(opened);
      } catch (RuntimeException e) {
        closeQuietly(opened.line());
        throw new LineUnavailableException("cannot start: " + e.getMessage());
      }
      pacer.reset();
      current = opened;
      status = new DeviceStatus(kind, requested, Optional.of(opened.mixerName()), detail);
      if (closed) {
        closeQuietly(opened.line());
      }
      return true;
    } catch (LineUnavailableException e) {
      status = new DeviceStatus(Kind.NO_DEVICE, requested, Optional.empty(), String.valueOf(e.getMessage()));
      return false;
    }
  }

  private void becomeDeviceless(String detail) {
    status = new DeviceStatus(Kind.NO_DEVICE, requested, Optional.empty(), detail);
    nextRetry = System.nanoTime() + RETRY_NANOS;
    LOG.warn("{}", detail);
  }

  private Kind fallbackKind() {
    return requested.isPresent() ? Kind.DEFAULT_FALLBACK : Kind.REQUESTED;
  }

  private static String inUse(JavaSoundLines.Opened<?> opened) {
    return opened == null ? "none" : opened.mixerName();
  }

  private static void closeQuietly(DataLine line) {
    try {
      line.close();
    } catch (RuntimeException e) {
      LOG.debug("closing a failed line", e);
    }
  }
}
