package org.parley.ui.handoff;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running instance's end of the hand-off: a Unix-domain socket in a {@link PrivateDirectory}, served by one
 * daemon thread ({@code parley-handoff}) with a selector. Each connection may send one {@link HandoffMessage}
 * request line within {@link #CLIENT_TIMEOUT}; it gets one reply line and is closed. Garbage, a line longer than
 * {@link HandoffMessage#MAX_LINE}, a client that is too slow or more than {@link #MAX_CLIENTS} at once are
 * closed with a log line and have no effect. Only this user can reach the socket: the directory is 0700.
 *
 * <p>The handler runs on the hand-off thread and must return at once (it hands the work to the UI thread). Close
 * stops the thread and removes the socket file.
 */
public final class HandoffServer implements AutoCloseable {
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_CLIENTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(HandoffServer.class);

    private final Path socket;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Function<HandoffMessage.Request, HandoffMessage.Reply> handler;
    private final Duration timeout;
    private final Thread thread;

    private HandoffServer(Path socket, ServerSocketChannel server, Selector selector,
                          Function<HandoffMessage.Request, HandoffMessage.Reply> handler, Duration timeout) {
        this.socket = socket;
        this.server = server;
        this.selector = selector;
        this.handler = handler;
        this.timeout = timeout;
        this.thread = new Thread(this::serve, "parley-handoff");
        thread.setDaemon(true);
    }

    /**
     * Binds {@code socket} (a file left by a crashed instance is removed first: the caller holds the
     * {@link InstanceLock}, so no live instance uses it) and starts serving.
     *
     * @throws PrivateDirectory.UnsafeDirectoryException when the socket's directory is not private to this user
     */
    public static HandoffServer start(Path socket, Function<HandoffMessage.Request, HandoffMessage.Reply> handler)
            throws IOException {
        return start(socket, handler, CLIENT_TIMEOUT);
    }

    static HandoffServer start(Path socket, Function<HandoffMessage.Request, HandoffMessage.Reply> handler,
                               Duration timeout) throws IOException {
        PrivateDirectory.verify(socket.getParent());
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = null;
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        HandoffServer s = new HandoffServer(socket, server, selector, handler, timeout);
        s.thread.start();
        LOG.info("hand-off listening on {}", socket);
        return s;
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            selector.close();
            server.close();
            thread.join(1000);
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.info("hand-off socket not removed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection's state: the bytes so far and its deadline. */
    private record Client(ByteBuffer buffer, long deadline) {
    }

    private void serve() {
        try {
            while (selector.isOpen()) {
                long wait = nextDeadlineMillis();
                if (wait == 0) {
                    selector.select();
                } else {
                    selector.select(wait);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        read(key);
                    }
                }
                selector.selectedKeys().clear();
                expire();
            }
        } catch (ClosedSelectorException | IOException e) {
            LOG.debug("hand-off stopped: {}", e.toString());
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = server.accept();
        if (channel == null) {
            return;
        }
        if (selector.keys().size() > MAX_CLIENTS) {
            LOG.warn("hand-off: more than {} connections at once; one refused", MAX_CLIENTS);
            channel.close();
            return;
        }
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ,
                new Client(ByteBuffer.allocate(HandoffMessage.MAX_LINE), System.nanoTime() + timeout.toNanos()));
    }

    private void read(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        Client client = (Client) key.attachment();
        try {
            int n = channel.read(client.buffer());
            int lf = indexOfLf(client.buffer());
            if (lf >= 0) {
                ByteBuffer line = client.buffer().duplicate().flip().limit(lf);
                answer(channel, HandoffMessage.parseRequest(line));
            } else if (!client.buffer().hasRemaining()) {
                LOG.warn("hand-off: a request longer than {} bytes was refused", HandoffMessage.MAX_LINE);
                reply(channel, HandoffMessage.Reply.refused("The request is too long."));
            } else if (n < 0) {
                LOG.warn("hand-off: a client closed before finishing its request");
            } else {
                return;
            }
        } catch (IOException e) {
            LOG.info("hand-off: a client failed: {}", e.toString());
        }
        close(key);
    }

    private void answer(SocketChannel channel, Optional<HandoffMessage.Request> request) throws IOException {
        if (request.isEmpty()) {
            LOG.warn("hand-off: a malformed request was refused");
            reply(channel, HandoffMessage.Reply.refused("The request was not understood."));
            return;
        }
        HandoffMessage.Reply reply;
        try {
            reply = handler.apply(request.get());
        } catch (RuntimeException e) {
            LOG.warn("hand-off: the request could not be handled", e);
            reply = HandoffMessage.Reply.refused("Parley could not take the request.");
        }
        reply(channel, reply);
    }

    /** The reply is far smaller than a socket buffer, so one non-blocking write takes it whole. */
    private static void reply(SocketChannel channel, HandoffMessage.Reply reply) throws IOException {
        channel.write(ByteBuffer.wrap(reply.encode()));
    }

    private void expire() {
        long now = System.nanoTime();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Client c && now - c.deadline() >= 0) {
                LOG.warn("hand-off: a client was too slow and was disconnected");
                close(key);
            }
        }
    }

    /** Milliseconds until the next client's deadline (at least 1), or 0 when no client is connected. */
    private long nextDeadlineMillis() {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Client c) {
                next = Math.min(next, c.deadline() - now);
            }
        }
        return next == Long.MAX_VALUE ? 0 : Math.max(1, Duration.ofNanos(next).toMillis() + 1);
    }

    private static int indexOfLf(ByteBuffer buffer) {
        for (int i = 0; i < buffer.position(); i++) {
            if (buffer.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // Closing a socket we are done with; nothing is left to undo.
        }
    }
}
