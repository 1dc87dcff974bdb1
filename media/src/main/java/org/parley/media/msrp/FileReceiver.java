package org.parley.media.msrp;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.parley.media.file.FileOutcome;
import org.parley.media.file.IncomingFile;

/**
 * Receives one file (RFC 5547: one file per MSRP session) into an {@link IncomingFile}. Chunks
 * must arrive in order from the file's current length (a resume starts there too); a chunk
 * beyond the offered size, out of order, of a second message or after the file ended is answered
 * 413 so the sender stops. The last chunk is answered only after the hash was checked: 200 when
 * saved, 400 when short or mismatched, so the sender's success REPORT means "saved".
 *
 * <p>Threading: the {@link MessageReceiver} methods run on the session's reader thread;
 * {@link #cancel} from any thread. The outcome listener runs once, on the thread that ended the
 * file.
 */
public final class FileReceiver implements MessageReceiver, ChunkSink {
  private final IncomingFile file;
  private final Consumer<FileOutcome> onOutcome;
  private final AtomicBoolean reported = new AtomicBoolean();
  private final boolean holdVerdict;
  private HeldReport held;
  private Integer decidedStatus;
  private String decidedComment;
  private String messageId;
  private boolean refuseThisChunk;

  /** The success REPORT goes out as soon as the file is saved and verified. */
  public FileReceiver(IncomingFile file, Consumer<FileOutcome> onOutcome) {
    this(file, onOutcome, false);
  }

  /**
   * @param holdVerdict when true, the success REPORT of a saved file waits for {@link #verdict}, so
   *     the application can check the file further (a virus scan) before the sender hears "done"
   */
  public FileReceiver(IncomingFile file, Consumer<FileOutcome> onOutcome, boolean holdVerdict) {
    this.file = Objects.requireNonNull(file, "file");
    this.onOutcome = Objects.requireNonNull(onOutcome, "onOutcome");
    this.holdVerdict = holdVerdict;
  }

  /**
   * With {@code holdVerdict}: tells the sender the final verdict on the saved file — {@link
   * MsrpStatus#OK} sends the success REPORT, another status a failure REPORT with {@code comment}.
   * The first call counts. It may write to the connection: call it on a worker, not on a thread
   * that must not block.
   */
  public synchronized void verdict(int status, String comment) {
    if (decidedStatus != null) {
      return;
    }
    decidedStatus = status;
    decidedComment = comment;
    if (held != null) {
      held.send(status, comment);
    }
  }

  @Override
  public boolean holdsSuccessReport() {
    return holdVerdict;
  }

  @Override
  public synchronized void successReportHeld(HeldReport report) {
    held = report;
    if (decidedStatus != null) {
      report.send(decidedStatus, decidedComment);
    }
  }

  /** Our user cancels: the file is deleted and the sender's next chunk gets 413. */
  public void cancel() {
    publish(file.cancel(false));
  }

  @Override
  public ChunkSink chunk(IncomingChunk chunk) {
    if (messageId == null) {
      messageId = chunk.messageId();
    }
    refuseThisChunk = false;
    if (!messageId.equals(chunk.messageId()) || file.outcome().isPresent()) {
      return ChunkSink.refuse(MsrpStatus.STOP_SENDING);
    }
    ByteRange range = chunk.range();
    if (range.start() - 1 != file.received()) {
      failWith("chunk at byte " + range.start() + " while " + file.received() + " bytes were received");
      return ChunkSink.refuse(MsrpStatus.STOP_SENDING);
    }
    if (range.total() != ByteRange.UNKNOWN && range.total() != file.offeredSize()) {
      failWith("the sender announced " + range.total() + " bytes but offered " + file.offeredSize());
      return ChunkSink.refuse(MsrpStatus.STOP_SENDING);
    }
    return this;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (!refuseThisChunk && !file.write(bytes, offset, length)) {
      refuseThisChunk = true;
      file.outcome().ifPresent(this::publish);
    }
  }

  @Override
  public int end(Continuation flag) {
    if (refuseThisChunk || file.outcome().isPresent()) {
      return MsrpStatus.STOP_SENDING;
    }
    return switch (flag) {
      case MORE -> MsrpStatus.OK;
      case ABORTED -> {
        publish(file.cancel(true));
        yield MsrpStatus.OK;
      }
      case COMPLETE -> {
        FileOutcome outcome = file.finish();
        publish(outcome);
        yield outcome instanceof FileOutcome.Saved ? MsrpStatus.OK
            : outcome instanceof FileOutcome.TooLong ? MsrpStatus.STOP_SENDING : MsrpStatus.BAD_REQUEST;
      }
    };
  }

  @Override
  public void closed(String reason) {
    if (file.outcome().isEmpty()) {
      publish(file.interrupt());
    }
  }

  private void failWith(String reason) {
    file.cancel(true);
    publish(new FileOutcome.Failed(reason));
  }

  private void publish(FileOutcome outcome) {
    if (reported.compareAndSet(false, true)) {
      onOutcome.accept(outcome);
    }
  }
}
