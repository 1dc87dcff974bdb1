package org.parley.media.msrp;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader loop of one session: reads frames, checks paths (RFC 4975 §7.3), answers SENDs
 * (respecting Failure-Report), sends success REPORTs (§7.1.3), routes responses and REPORTs, and
 * closes the session on broken framing, a closed connection or a stalled peer.
 *
 * <p>Threading: runs on the session's reader thread only; all fields are confined to it.
 */
final class InboundDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);
  private static final int MAX_TRACKED_MESSAGES = 64;

  private final MsrpSession session;
  private final Connection connection;
  private final MessageReceiver receiver;
  private final CountingSink counting = new CountingSink();
  /** Received ranges of incoming messages that have not ended, oldest first, bounded. */
  private final Map<String, ReceivedRanges> incomplete = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ReceivedRanges> eldest) {
      return size() > MAX_TRACKED_MESSAGES;
    }
  };

  InboundDispatcher(MsrpSession session, Connection connection, MessageReceiver receiver) {
    this.session = session;
    this.connection = connection;
    this.receiver = receiver;
  }

  void run(MsrpHead first) {
    MsrpFrameReader reader = connection.reader();
    try {
      MsrpHead head = first;
      while (!session.isClosed()) {
        if (head == null) {
          try {
            head = reader.readHead();
          } catch (SocketTimeoutException e) {
            if (reader.inFrame() || !incomplete.isEmpty()) {
              throw e;
            }
            continue;
          }
          if (head == null) {
            session.close(incomplete.isEmpty() ? "connection closed by the peer"
                : "connection closed by the peer in the middle of a message");
            return;
          }
        }
        dispatch(head);
        head = null;
      }
    } catch (SocketTimeoutException e) {
      session.close("the peer stopped sending for " + session.config().idleTimeout().toSeconds() + " s");
    } catch (MsrpProtocolException e) {
      session.close("MSRP protocol error: " + e.getMessage());
    } catch (IOException e) {
      session.close(session.isClosed() ? "closed" : "connection failed: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("MSRP reader failed", e);
      session.close("internal error: " + e);
    }
  }

  private void dispatch(MsrpHead head) throws IOException {
    if (!head.isRequest()) {
      Consumer<MsrpHead> handler = session.takeResponseHandler(head.transactionId());
      if (handler != null) {
        handler.accept(head);
      } else {
        LOG.debug("response to unknown transaction {}", head.transactionId());
      }
      return;
    }
    boolean forUs = head.toPath().size() == 1 && head.toPath().get(0).matches(session.local())
        && last(head.fromPath()).matches(session.remote());
    if (!forUs) {
      discardBody(head);
      respond(head, MsrpStatus.NO_SESSION);
      return;
    }
    switch (head.method()) {
      case MsrpHead.SEND -> send(head);
      case MsrpHead.REPORT -> report(head);
      default -> {
        discardBody(head);
        respond(head, MsrpStatus.UNKNOWN_METHOD);
      }
    }
  }

  private void send(MsrpHead head) throws IOException {
    String messageId = head.header(MsrpHeader.MESSAGE_ID).orElse(null);
    if (!head.hasBody()) {
      respond(head, messageId == null ? MsrpStatus.BAD_REQUEST : MsrpStatus.OK);
      return;
    }
    if (messageId == null) {
      discardBody(head);
      respond(head, MsrpStatus.BAD_REQUEST);
      return;
    }
    ByteRange range = head.byteRange();
    ChunkSink sink;
    try {
      sink = receiver.chunk(new IncomingChunk(messageId,
          head.header(MsrpHeader.CONTENT_TYPE).orElse(""), range));
    } catch (RuntimeException e) {
      LOG.warn("message receiver failed on a chunk", e);
      sink = ChunkSink.refuse(MsrpStatus.FORBIDDEN);
    }
    counting.start(sink);
    Continuation flag = connection.reader().readBody(head, counting);
    int status = sink.end(flag);
    ReceivedRanges ranges = incomplete.computeIfAbsent(messageId, id -> new ReceivedRanges());
    if (status == MsrpStatus.OK) {
      ranges.add(range.start(), range.start() + counting.count - 1);
    }
    if (flag != Continuation.MORE || status != MsrpStatus.OK) {
      incomplete.remove(messageId);
    }
    respond(head, status);
    if (flag == Continuation.COMPLETE && status == MsrpStatus.OK
        && "yes".equals(head.report(MsrpHeader.SUCCESS_REPORT, "no"))) {
      if (receiver.holdsSuccessReport()) {
        receiver.successReportHeld(heldReport(head, messageId, ranges, range.total()));
      } else {
        successReports(head, messageId, ranges, range.total());
      }
    }
  }

  private HeldReport heldReport(MsrpHead send, String messageId, ReceivedRanges ranges, long total) {
    java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
    return (status, comment) -> {
      if (!sent.compareAndSet(false, true) || session.isClosed()) {
        return;
      }
      if (status == MsrpStatus.OK) {
        successReports(send, messageId, ranges, total);
        return;
      }
      String text = comment == null ? "" : comment.replaceAll("[\\p{Cntrl}]", " ").strip();
      long knownTotal = total != ByteRange.UNKNOWN ? total : ranges.covered();
      MsrpHead report = MsrpHead.request(MsrpUri.randomId(16), MsrpHead.REPORT, last(send.fromPath()),
          session.local(), List.of(new MsrpHeader(MsrpHeader.MESSAGE_ID, messageId),
              new MsrpHeader(MsrpHeader.BYTE_RANGE, new ByteRange(1, knownTotal, knownTotal).toString()),
              new MsrpHeader(MsrpHeader.STATUS, "000 " + status + (text.isEmpty() ? "" : " " + text))));
      session.answer(report);
    };
  }

  private void successReports(MsrpHead send, String messageId, ReceivedRanges ranges, long total) {
    List<long[]> received = ranges.ranges();
    if (received.isEmpty()) {
      received = List.of(new long[] {1, 0});
    }
    for (long[] r : received) {
      long knownTotal = total != ByteRange.UNKNOWN ? total : ranges.covered();
      MsrpHead report = MsrpHead.request(MsrpUri.randomId(16), MsrpHead.REPORT, last(send.fromPath()),
          session.local(), List.of(new MsrpHeader(MsrpHeader.MESSAGE_ID, messageId),
              new MsrpHeader(MsrpHeader.BYTE_RANGE, new ByteRange(r[0], r[1], knownTotal).toString()),
              new MsrpHeader(MsrpHeader.STATUS, "000 200 OK")));
      session.answer(report);
    }
  }

  private void report(MsrpHead head) throws IOException {
    discardBody(head);
    String messageId = head.header(MsrpHeader.MESSAGE_ID).orElse("");
    String status = head.header(MsrpHeader.STATUS).orElse("");
    if (status.length() < 7 || !status.startsWith("000 ")
        || !status.substring(4, 7).chars().allMatch(Character::isDigit)) {
      LOG.debug("REPORT with a bad Status '{}' ignored", status);
      return;
    }
    ByteRange range = head.header(MsrpHeader.BYTE_RANGE).isPresent() ? head.byteRange() : null;
    MsrpReport report = new MsrpReport(messageId, Integer.parseInt(status.substring(4, 7)),
        status.length() > 8 ? status.substring(8) : "", range);
    Consumer<MsrpReport> handler = session.reportHandler(messageId);
    if (handler != null) {
      handler.accept(report);
    } else {
      receiver.report(report);
    }
  }

  /** Answers a request unless its Failure-Report forbids (REPORTs are never answered, §7.1.2). */
  private void respond(MsrpHead request, int status) {
    if (MsrpHead.REPORT.equals(request.method())) {
      return;
    }
    String failureReport = request.report(MsrpHeader.FAILURE_REPORT, "yes");
    if (failureReport.equals("no") || (failureReport.equals("partial") && status == MsrpStatus.OK)) {
      return;
    }
    session.answer(MsrpHead.response(request, status, session.local()));
  }

  private void discardBody(MsrpHead head) throws IOException {
    if (head.hasBody()) {
      connection.reader().readBody(head, BodySink.DISCARD);
    }
  }

  private static MsrpUri last(List<MsrpUri> path) {
    return path.get(path.size() - 1);
  }

  /** Counts body bytes on their way to the chunk's sink; reused for every chunk. */
  private static final class CountingSink implements BodySink {
    private BodySink target;
    private long count;

    void start(BodySink sink) {
      target = sink;
      count = 0;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
      target.write(bytes, offset, length);
    }
  }
}
