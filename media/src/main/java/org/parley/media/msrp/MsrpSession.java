package org.parley.media.msrp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MSRP session (RFC 4975) between two endpoints over one TCP or TLS connection, without relays.
 * The active side (the one that sent the SDP offer, §5.4) {@link #connect}s and binds the
 * connection with an empty SEND; the passive side gets its session from {@link MsrpListener#expect}.
 *
 * <p>Threading: one reader thread per session ({@code msrp-read-<session-id>}) reads frames, answers
 * requests and calls the {@link MessageReceiver}. Frames are written by whichever thread sends them,
 * serialized one whole frame at a time. {@link #close} is idempotent and may be called from any
 * thread; it closes the socket, which ends the reader.
 */
public final class MsrpSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MsrpSession.class);

  private final MsrpUri local;
  private final MsrpUri remote;
  private final Connection connection;
  private final MsrpConfig config;
  private final MessageReceiver receiver;
  private final Map<String, Consumer<MsrpHead>> pendingResponses = new ConcurrentHashMap<>();
  private final Map<String, Consumer<MsrpReport>> outgoingReports = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CompletableFuture<String> closedReason = new CompletableFuture<>();

  MsrpSession(MsrpUri local, MsrpUri remote, Connection connection, MsrpConfig config,
      MessageReceiver receiver) {
    this.local = local;
    this.remote = remote;
    this.connection = connection;
    this.config = config;
    this.receiver = receiver;
  }

  /**
   * Connects to {@code remote} as the active endpoint, sends the binding SEND and waits for its
   * answer. For {@code msrps} pass an {@code SSLSocketFactory} from the trusted context; the host
   * name (or IP) in {@code remote} is verified against the certificate.
   *
   * @throws IOException when the connection, the TLS handshake or the binding fails (the peer
   *     answering 481 means it expects no such session)
   */
  public static MsrpSession connect(MsrpUri local, MsrpUri remote, SocketFactory sockets,
      MessageReceiver receiver, MsrpConfig config) throws IOException {
    Objects.requireNonNull(receiver, "receiver");
    Socket socket = sockets.createSocket();
    if (remote.secure() != (socket instanceof SSLSocket)) {
      socket.close();
      throw new IllegalArgumentException(remote.secure() ? "msrps needs an SSLSocketFactory"
          : "msrp must not use TLS sockets");
    }
    try {
      String host = remote.host().startsWith("[") ? remote.host().substring(1, remote.host().length() - 1)
          : remote.host();
      socket.connect(new InetSocketAddress(host, remote.effectivePort()),
          (int) Math.min(Integer.MAX_VALUE, config.responseTimeout().toMillis()));
      if (socket instanceof SSLSocket tls) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
      }
      MsrpSession session = new MsrpSession(local, remote, Connection.over(socket, config), config, receiver);
      session.startReader();
      session.bind();
      return session;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  public MsrpUri local() {
    return local;
  }

  public MsrpUri remote() {
    return remote;
  }

  public MsrpConfig config() {
    return config;
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** Completes with the reason once the session is closed. */
  public CompletableFuture<String> whenClosed() {
    return closedReason;
  }

  /**
   * Closes the session gracefully: our side stops sending (a FIN, or TLS close_notify, after everything queued),
   * then the peer's end is awaited for up to {@link #LINGER} before the socket is closed. Closing at once with the
   * peer's frames still unread would reset the connection, and the peer could lose the last frames we sent (a
   * cancel's {@code #}, a REPORT). The receiver hears {@code "closed"} unless the peer closed first. Idempotent;
   * may block up to {@link #LINGER}: not on a thread that must not wait.
   */
  @Override
  public void close() {
    if (closed.get()) {
      return;
    }
    try {
      connection.socket().shutdownOutput();
      closedReason.get(LINGER.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (IOException | UnsupportedOperationException | java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      LOG.debug("MSRP session {}: no orderly close ({})", local.sessionId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close("closed");
  }

  /** How long {@link #close()} waits for the peer to close its side. */
  static final java.time.Duration LINGER = java.time.Duration.ofSeconds(2);

  /** Closes with a reason for the receiver and the log. Idempotent: the first reason wins. */
  void close(String reason) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.debug("MSRP session {} closed: {}", local.sessionId(), reason);
    try {
      connection.socket().close();
    } catch (IOException e) {
      LOG.debug("closing the socket failed: {}", e.toString());
    }
    pendingResponses.clear();
    try {
      receiver.closed(reason);
    } finally {
      closedReason.complete(reason);
    }
  }

  /** Starts the reader thread (active side). */
  private void startReader() {
    Thread thread = new Thread(() -> new InboundDispatcher(this, connection, receiver).run(null),
        "msrp-read-" + local.sessionId());
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs the reader on the calling thread (passive side), starting with an already read head. */
  void runReader(MsrpHead first) {
    Thread.currentThread().setName("msrp-read-" + local.sessionId());
    new InboundDispatcher(this, connection, receiver).run(first);
  }

  private void bind() throws IOException {
    CompletableFuture<MsrpHead> answer = new CompletableFuture<>();
    String transactionId = MsrpUri.randomId(16);
    MsrpHead head = MsrpHead.request(transactionId, MsrpHead.SEND, remote, local,
        List.of(new MsrpHeader(MsrpHeader.MESSAGE_ID, MsrpUri.randomId(16))));
    sendRequest(head, null, 0, 0, Continuation.COMPLETE, answer::complete);
    try {
      MsrpHead response = answer.get(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (response.status() != MsrpStatus.OK) {
        throw new IOException("the peer refused the MSRP session: " + response.status() + " "
            + MsrpStatus.phrase(response.status()));
      }
    } catch (TimeoutException e) {
      throw new IOException("no answer to the binding SEND within " + config.responseTimeout());
    } catch (ExecutionException e) {
      throw new IOException("binding failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding");
    }
  }

  /**
   * Sends one request; {@code onResponse} runs on the reader thread when its response arrives
   * (never if the session closes first). A null body means a frame without body.
   */
  void sendRequest(MsrpHead head, byte[] body, int offset, int length, Continuation flag,
      Consumer<MsrpHead> onResponse) throws IOException {
    if (closed.get()) {
      throw new IOException("MSRP session closed");
    }
    if (onResponse != null) {
      pendingResponses.put(head.transactionId(), onResponse);
    }
    try {
      connection.writer().write(head, body, offset, length, flag);
    } catch (IOException e) {
      pendingResponses.remove(head.transactionId());
      close("connection failed while sending: " + e.getMessage());
      throw e;
    }
  }

  /** Routes REPORTs for {@code messageId} to {@code handler} (reader thread) until {@link #untrack}. */
  void track(String messageId, Consumer<MsrpReport> handler) {
    outgoingReports.put(messageId, handler);
  }

  void untrack(String messageId) {
    outgoingReports.remove(messageId);
  }

  Consumer<MsrpHead> takeResponseHandler(String transactionId) {
    return pendingResponses.remove(transactionId);
  }

  Consumer<MsrpReport> reportHandler(String messageId) {
    return outgoingReports.get(messageId);
  }

  /** Writes a frame from the reader thread; a failure closes the session. */
  void answer(MsrpHead head) {
    try {
      connection.writer().write(head, Continuation.COMPLETE);
    } catch (IOException e) {
      close("connection failed while answering: " + e.getMessage());
    }
  }
}
