package org.parley.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link Pcm} frames to a 48 kHz mono 16-bit WAV file. Audio goes to a temporary file next to
 * the target; {@link #close()} writes the final header, forces it to disk and moves it into place
 * atomically, so the target is either absent, the previous file, or complete.
 *
 * <p>{@link #write} does not pace: it returns as soon as the bytes are buffered (64 KiB, then one
 * disk write).
 *
 * <p>Threading: {@link AudioSink}'s. A write that meets a concurrent {@code close()} drops its frame
 * instead of waiting for the close (which may wait for the disk). No allocation per frame.
 */
public final class WavFileSink implements AudioSink {
  static final int HEADER_BYTES = 44;
  private static final Logger LOG = LoggerFactory.getLogger(WavFileSink.class);

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
  private final ReentrantLock lock = new ReentrantLock();
  private long dataBytes;
  private boolean closed;
  private volatile double level;

  private WavFileSink(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
  }

  /** Starts a new recording that will appear at {@code target} on {@link #close()}. */
  public static WavFileSink create(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    WavFileSink sink = new WavFileSink(target, temp, channel);
    sink.buffer.put(header(0));
    return sink;
  }

  /** @throws IOException when the disk refuses the data (full, gone); the recording is then lost */
  @Override
  public void write(short[] frame) throws IOException {
    if (!lock.tryLock()) {
      return;
    }
    try {
      if (closed) {
        return;
      }
      if (buffer.remaining() < frame.length * 2) {
        flush();
      }
      int peak = 0;
      for (short s : frame) {
        buffer.putShort(s);
        peak = Math.max(peak, Math.abs(s));
      }
      dataBytes += frame.length * 2L;
      level = Math.min(1.0, peak / 32767.0);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public double level() {
    return level;
  }

  /** Finishes the file; a failure is logged and the temporary file removed (close cannot throw). */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        finish();
      } catch (IOException e) {
        LOG.error("could not finish the recording {}", target, e);
        deleteQuietly();
      }
    } finally {
      lock.unlock();
    }
  }

  private void finish() throws IOException {
    try (channel) {
      flush();
      channel.write(header(dataBytes), 0);
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  private void deleteQuietly() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("could not remove {}", temp, e);
    }
  }

  /** RIFF/WAVE header for 48 kHz mono 16-bit PCM with {@code dataBytes} of audio. */
  static ByteBuffer header(long dataBytes) {
    long data = Math.min(dataBytes, 0xFFFF_FFFFL - 36);
    ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + data));
    h.put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16);
    h.putShort((short) 1).putShort((short) 1).putInt(Pcm.SAMPLE_RATE).putInt(Pcm.SAMPLE_RATE * 2);
    h.putShort((short) 2).putShort((short) 16);
    h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) data);
    return h.flip();
  }
}
