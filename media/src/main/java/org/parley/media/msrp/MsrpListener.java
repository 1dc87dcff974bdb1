package org.parley.media.msrp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passive side of MSRP (RFC 4975 §5.4): listens on an ephemeral port and hands each accepted
 * connection to the session that expects it, matched by the first request's To-Path (our URI,
 * §6.1) and From-Path (the peer's URI from its a=path). A first frame for no expected session gets
 * 481 and the connection is closed; a second connection for a bound session gets 506.
 *
 * <p>Threading: an acceptor thread ({@code msrp-accept-<port>}); each accepted connection gets its
 * own thread, which reads the first frame (bounded by the idle timeout) and then becomes that
 * session's reader. {@link #expect} and {@link #close} may be called from any thread.
 */
public final class MsrpListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MsrpListener.class);

  private record Expected(MsrpUri local, MsrpUri remote, MessageReceiver receiver,
      CompletableFuture<MsrpSession> session) {
  }

  private final ServerSocket server;
  private final MsrpConfig config;
  private final boolean secure;
  private final Map<String, Expected> expected = new ConcurrentHashMap<>();
  private final Map<String, MsrpSession> bound = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger connections = new AtomicInteger();

  private MsrpListener(ServerSocket server, MsrpConfig config) {
    this.server = server;
    this.config = config;
    this.secure = server instanceof SSLServerSocket;
  }

  /**
   * Listens on an ephemeral port of {@code address}. For msrps pass an {@code SSLServerSocketFactory}
   * from the context holding our certificate.
   */
  public static MsrpListener open(InetAddress address, ServerSocketFactory sockets, MsrpConfig config)
      throws IOException {
    ServerSocket server = sockets.createServerSocket();
    try {
      server.bind(new InetSocketAddress(address, 0));
    } catch (IOException e) {
      server.close();
      throw e;
    }
    MsrpListener listener = new MsrpListener(server, config);
    Thread acceptor = new Thread(listener::acceptLoop, "msrp-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return listener;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** A fresh local URI on this listener for an a=path line: {@code msrp[s]://host:port/<random>;tcp}. */
  public MsrpUri newLocalUri(String host) {
    return MsrpUri.local(secure, host, port());
  }

  /**
   * Waits for the peer {@code remote} to connect to {@code local} (a URI from {@link #newLocalUri}).
   * The future completes when its first request arrives, or fails when the listener closes;
   * cancelling it withdraws the expectation. The caller bounds the wait.
   */
  public CompletableFuture<MsrpSession> expect(MsrpUri local, MsrpUri remote, MessageReceiver receiver) {
    Objects.requireNonNull(receiver, "receiver");
    CompletableFuture<MsrpSession> future = new CompletableFuture<>();
    if (closed.get()) {
      future.completeExceptionally(new IOException("MSRP listener closed"));
      return future;
    }
    expected.put(local.sessionId(), new Expected(local, remote, receiver, future));
    future.whenComplete((s, e) -> expected.remove(local.sessionId()));
    return future;
  }

  /** Stops listening; expected sessions fail, established sessions go on. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      LOG.debug("closing the MSRP listener failed: {}", e.toString());
    }
    expected.values().forEach(e -> e.session().completeExceptionally(new IOException("MSRP listener closed")));
  }

  private void acceptLoop() {
    while (!closed.get()) {
      try {
        Socket socket = server.accept();
        Thread thread = new Thread(() -> handshake(socket),
            "msrp-conn-" + port() + "-" + connections.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
      } catch (SocketException e) {
        if (!closed.get()) {
          LOG.warn("MSRP listener on port {} stopped: {}", port(), e.toString());
          close();
        }
      } catch (IOException e) {
        LOG.debug("accept failed: {}", e.toString());
      }
    }
  }

  private void handshake(Socket socket) {
    try {
      Connection connection = Connection.over(socket, config);
      MsrpHead first = connection.reader().readHead();
      if (first == null) {
        socket.close();
        return;
      }
      Expected match = first.isRequest() && first.toPath().size() == 1
          ? expected.get(first.toPath().get(0).sessionId()) : null;
      if (match == null && first.toPath().size() == 1 && bound.containsKey(first.toPath().get(0).sessionId())) {
        refuse(connection, first, MsrpStatus.SESSION_IN_USE);
        return;
      }
      if (match == null || !first.toPath().get(0).matches(match.local())
          || !first.fromPath().get(first.fromPath().size() - 1).matches(match.remote())) {
        refuse(connection, first, MsrpStatus.NO_SESSION);
        return;
      }
      MsrpSession session = new MsrpSession(match.local(), match.remote(), connection, config, match.receiver());
      if (!match.session().complete(session)) {
        refuse(connection, first, MsrpStatus.SESSION_IN_USE);
        return;
      }
      bound.put(match.local().sessionId(), session);
      session.whenClosed().thenRun(() -> bound.remove(match.local().sessionId()));
      session.runReader(first);
    } catch (IOException e) {
      LOG.debug("MSRP connection from {} dropped before binding: {}", socket.getRemoteSocketAddress(), e.toString());
      closeQuietly(socket);
    }
  }

  private void refuse(Connection connection, MsrpHead first, int status) {
    try {
      if (first.hasBody()) {
        connection.reader().readBody(first, BodySink.DISCARD);
      }
      if (first.isRequest() && !MsrpHead.REPORT.equals(first.method())) {
        connection.writer().write(new MsrpHead(first.transactionId(), null, status, MsrpStatus.phrase(status),
            List.of(first.fromPath().get(0)), List.of(first.toPath().get(0)), List.of(), Continuation.COMPLETE),
            Continuation.COMPLETE);
      }
    } catch (IOException e) {
      LOG.debug("could not refuse an MSRP connection: {}", e.toString());
    }
    closeQuietly(connection.socket());
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("close failed: {}", e.toString());
    }
  }
}
