package org.parley.ui.handoff;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The second launch's end of the hand-off: connects to the running instance's socket, sends one request line and
 * waits at most {@code timeout} for the reply. Stateless; each call uses its own connection.
 */
public final class HandoffClient {
    private HandoffClient() {
    }

    /**
     * @throws java.net.SocketException (or another {@link IOException}) when no instance listens at {@code socket},
     *                                  when it does not answer within {@code timeout}, or answers garbage
     */
    public static HandoffMessage.Reply send(Path socket, HandoffMessage.Request request, Duration timeout)
            throws IOException {
        PrivateDirectory.verify(socket.getParent());
        byte[] line = request.encode();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            ByteBuffer out = ByteBuffer.wrap(line);
            ByteBuffer in = ByteBuffer.allocate(HandoffMessage.MAX_LINE);
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE | SelectionKey.OP_READ);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("Parley is running but did not answer in time.");
                }
                selector.select(Math.max(1, Duration.ofNanos(left).toMillis()));
                selector.selectedKeys().clear();
                if (out.hasRemaining()) {
                    channel.write(out);
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                int n = channel.read(in);
                for (int i = 0; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        return HandoffMessage.parseReply(in.duplicate().flip().limit(i))
                                .orElseThrow(() -> new IOException("The running Parley answered garbage."));
                    }
                }
                if (n < 0 || !in.hasRemaining()) {
                    throw new IOException("The running Parley closed the connection without an answer.");
                }
            }
        }
    }
}
