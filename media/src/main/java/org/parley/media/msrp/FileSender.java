package org.parley.media.msrp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one file as one MSRP message (RFC 4975 §5.1, §7.1.1): chunks of {@link MsrpConfig#chunkSize}
 * with {@code Byte-Range}, {@code Success-Report: yes} and {@code Failure-Report: yes}, at most
 * {@link MsrpConfig#window} chunks unanswered, starting at a byte offset to resume (RFC 5547 §8).
 * It is {@link SendOutcome.Delivered} only when the receiver's success REPORT covers every byte sent.
 *
 * <p>Threading: one sender thread per file ({@code msrp-send-<message-id>}) reads the file and
 * writes chunks; responses and REPORTs arrive on the session's reader thread; {@link #cancel} may be
 * called from any thread. State is guarded by this object's monitor, never held during I/O.
 * Memory: one chunk buffer.
 */
public final class FileSender {
  private static final Logger LOG = LoggerFactory.getLogger(FileSender.class);

  private final MsrpSession session;
  private final Path file;
  private final String contentType;
  private final long offset;
  private final SendProgress progress;
  private final String messageId = MsrpUri.randomId(16);
  private final CompletableFuture<SendOutcome> outcome = new CompletableFuture<>();
  private final ReceivedRanges acknowledged = new ReceivedRanges();
  private final ReceivedRanges reported = new ReceivedRanges();
  private long size;
  private int inFlight;
  private boolean cancelled;
  private boolean reportSeen;
  private SendOutcome refusal;

  private FileSender(MsrpSession session, Path file, String contentType, long offset, SendProgress progress) {
    this.session = session;
    this.file = file;
    this.contentType = contentType;
    this.offset = offset;
    this.progress = progress;
  }

  /**
   * Starts sending {@code file} from byte {@code offset} (0 for a new transfer; the receiver's
   * count for a resume) on a new thread.
   */
  public static FileSender start(MsrpSession session, Path file, String contentType, long offset,
      SendProgress progress) {
    Objects.requireNonNull(progress, "progress");
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset");
    }
    FileSender sender = new FileSender(session, file, contentType, offset, progress);
    Thread thread = new Thread(sender::run, "msrp-send-" + sender.messageId);
    thread.setDaemon(true);
    thread.start();
    return sender;
  }

  public String messageId() {
    return messageId;
  }

  /** Completes once, on the sender thread, with how the transfer ended. */
  public CompletableFuture<SendOutcome> outcome() {
    return outcome;
  }

  /** Stops sending; the message is ended with {@code #} unless every byte was already sent. */
  public synchronized void cancel() {
    cancelled = true;
    notifyAll();
  }

  private void run() {
    session.track(messageId, this::onReport);
    session.whenClosed().thenRun(this::wake);
    SendOutcome result;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      result = sendAll(channel);
    } catch (IOException e) {
      result = new SendOutcome.Failed(session.isClosed() ? session.whenClosed().getNow("closed")
          : "could not read the file: " + e.getMessage(), acknowledgedBytes());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = new SendOutcome.Failed("interrupted", acknowledgedBytes());
    } finally {
      session.untrack(messageId);
    }
    LOG.debug("sending {} ended: {}", messageId, result);
    outcome.complete(result);
  }

  private SendOutcome sendAll(FileChannel channel) throws IOException, InterruptedException {
    synchronized (this) {
      size = channel.size();
    }
    if (offset > size) {
      return new SendOutcome.Failed("resume offset " + offset + " beyond the file's " + size + " bytes", 0);
    }
    byte[] buffer = new byte[session.config().chunkSize()];
    long position = offset;
    do {
      SendOutcome early = awaitWindow();
      if (early != null) {
        if (early instanceof SendOutcome.Cancelled) {
          abort(position);
        }
        return early;
      }
      int n = read(channel, buffer, position, (int) Math.min(buffer.length, size - position));
      boolean last = position + n >= size;
      String transactionId = freshTransactionId(buffer, n);
      long first = position + 1;
      long end = position + n;
      synchronized (this) {
        inFlight++;
      }
      session.sendRequest(chunkHead(transactionId, new ByteRange(first, end, size)), buffer, 0, n,
          last ? Continuation.COMPLETE : Continuation.MORE, response -> onResponse(response, first, end));
      position = end;
    } while (position < size);
    return awaitReport();
  }

  private MsrpHead chunkHead(String transactionId, ByteRange range) {
    List<MsrpHeader> headers = new ArrayList<>(6);
    headers.add(new MsrpHeader(MsrpHeader.MESSAGE_ID, messageId));
    headers.add(new MsrpHeader(MsrpHeader.BYTE_RANGE, range.toString()));
    headers.add(new MsrpHeader(MsrpHeader.SUCCESS_REPORT, "yes"));
    headers.add(new MsrpHeader(MsrpHeader.FAILURE_REPORT, "yes"));
    headers.add(new MsrpHeader(MsrpHeader.CONTENT_TYPE, contentType));
    return MsrpHead.request(transactionId, MsrpHead.SEND, session.remote(), session.local(), headers);
  }

  /** Ends the message with an empty chunk flagged {@code #} (RFC 4975 §7.1.1, interrupted chunk). */
  private void abort(long position) {
    try {
      session.sendRequest(chunkHead(MsrpUri.randomId(16), new ByteRange(position + 1, ByteRange.UNKNOWN, size)),
          new byte[0], 0, 0, Continuation.ABORTED, response -> { });
    } catch (IOException e) {
      LOG.debug("could not send the abort of {}: {}", messageId, e.toString());
    }
  }

  private int read(FileChannel channel, byte[] buffer, long position, int length) throws IOException {
    ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
    while (target.hasRemaining()) {
      if (channel.read(target, position + target.position()) < 0) {
        throw new IOException("the file became shorter while it was being sent");
      }
    }
    return length;
  }

  private static String freshTransactionId(byte[] body, int length) {
    String id;
    do {
      id = MsrpUri.randomId(16);
    } while (MsrpFrameWriter.containsEndLine(id, body, 0, length));
    return id;
  }

  private synchronized SendOutcome awaitWindow() throws InterruptedException {
    long deadline = System.nanoTime() + session.config().responseTimeout().toNanos();
    while (true) {
      SendOutcome stop = stopped();
      if (stop != null) {
        return stop;
      }
      if (inFlight < session.config().window()) {
        return null;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new SendOutcome.TimedOut(acknowledgedBytes());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private synchronized SendOutcome awaitReport() throws InterruptedException {
    long deadline = System.nanoTime() + session.config().reportTimeout().toNanos();
    while (true) {
      if (refusal != null) {
        return refusal;
      }
      if (reportSeen && reported.covers(offset + 1, size)) {
        return new SendOutcome.Delivered(size - offset);
      }
      if (cancelled) {
        return new SendOutcome.Cancelled();
      }
      if (session.isClosed()) {
        return new SendOutcome.Failed(session.whenClosed().getNow("closed"), acknowledgedBytes());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new SendOutcome.TimedOut(acknowledgedBytes());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private SendOutcome stopped() {
    if (refusal != null) {
      return refusal;
    }
    if (cancelled) {
      return new SendOutcome.Cancelled();
    }
    if (session.isClosed()) {
      return new SendOutcome.Failed(session.whenClosed().getNow("closed"), acknowledgedBytes());
    }
    return null;
  }

  private void onResponse(MsrpHead response, long first, long last) {
    long bytes;
    long total;
    synchronized (this) {
      inFlight--;
      if (response.status() == MsrpStatus.OK) {
        acknowledged.add(first, last);
      } else if (refusal == null) {
        refusal = new SendOutcome.Refused(response.status(), response.comment());
      }
      bytes = acknowledgedBytes();
      total = size;
      notifyAll();
    }
    if (response.status() == MsrpStatus.OK) {
      progress.acknowledged(bytes, total);
    }
  }

  private void onReport(MsrpReport report) {
    long bytes;
    long total;
    synchronized (this) {
      if (report.status() != MsrpStatus.OK) {
        if (refusal == null) {
          refusal = new SendOutcome.Refused(report.status(), report.comment());
        }
        notifyAll();
        return;
      }
      ByteRange range = report.range();
      long first = range == null ? offset + 1 : range.start();
      long last = range == null || range.end() == ByteRange.UNKNOWN ? size : range.end();
      reported.add(first, last);
      acknowledged.add(first, last);
      reportSeen = true;
      bytes = acknowledgedBytes();
      total = size;
      notifyAll();
    }
    progress.acknowledged(bytes, total);
  }

  private synchronized void wake() {
    notifyAll();
  }

  /** Bytes of the file the receiver has: the resume offset plus what it acknowledged since. */
  private synchronized long acknowledgedBytes() {
    return offset + acknowledged.covered();
  }
}
