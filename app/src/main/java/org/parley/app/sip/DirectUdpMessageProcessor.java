package org.parley.app.sip;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.AbstractQueue;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's UDP message processor without its reader thread. Stock jain-sip reads every datagram on one
 * thread into a fresh 64 KiB array, queues it, and wakes one of its {@code THREAD_POOL_SIZE} channel threads
 * to parse and dispatch it: one thread hand-off and 64 KiB of garbage per datagram. Here the channel threads
 * receive from the socket themselves (the queue they take from is the socket), each into its own reusable
 * buffer, and keep only a copy of the octets received. Datagrams waiting to be processed wait in the kernel's
 * receive buffer instead of an unbounded Java queue (so jain-sip's congestion auditor has nothing to drop).
 *
 * <p>Threading: {@link #start} starts the channel threads ({@link #CHANNEL_THREADS}; were there more, the
 * socket would serialise their receives); {@link #stop} closes the socket, which ends them. Sending is unchanged (the listening socket).
 */
final class DirectUdpMessageProcessor extends UDPMessageProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DirectUdpMessageProcessor.class);
    /** Largest UDP payload (RFC 768 length field), what jain-sip reads at most as well. */
    private static final int MAX_DATAGRAM = 65_535;

    /**
     * Channel threads per UDP listening point (jain-sip's THREAD_POOL_SIZE, which is not readable from here).
     * One: it receives, parses and hands the message to the core thread, then receives again, so datagrams are
     * processed in arrival order and no second thread is woken per datagram (with several, each receive that
     * returns unparks the next waiter on the socket's lock, a context switch competing with the message's own
     * processing on two CPUs). Parsing and dispatch take tens of microseconds, so one thread keeps up with
     * far more datagrams than a user agent receives; bursts wait in the socket's receive buffer.
     */
    static final int CHANNEL_THREADS = 1;

    private static final int MAX_REPORTED_FAILURES = 10;

    private final AtomicInteger failures = new AtomicInteger();
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[MAX_DATAGRAM]);

    DirectUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port) throws IOException {
        super(address, stack, port);
        this.messageQueue = new SocketQueue();
    }

    @Override
    public void start() throws IOException {
        isRunning = true;
        LinkedList<UDPMessageChannel> channels = new LinkedList<>();
        int threads = CHANNEL_THREADS;
        String stack = ((gov.nist.javax.sip.SipStackImpl) sipStack).getStackName();
        for (int i = 0; i < threads; i++) {
            channels.add(new Channel(sipStack, this, stack + "-UDPMessageChannelThread-" + i));
        }
        messageChannels = channels;
    }

    @Override
    public void run() {
        // No reader thread: the channel threads receive (see SocketQueue).
    }

    /** The next datagram from the socket, copied to an array of its size; null when the processor stopped. */
    private DatagramQueuedMessageDispatch receive() {
        byte[] buffer = buffers.get();
        while (isRunning) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                sock.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (!isRunning) {
                    return null;
                }
                if (failures.incrementAndGet() <= MAX_REPORTED_FAILURES) {
                    LOG.warn("UDP receive on port {} failed: {}", getPort(), e.toString());
                }
                continue;
            }
            byte[] octets = new byte[packet.getLength()];
            System.arraycopy(buffer, packet.getOffset(), octets, 0, octets.length);
            DatagramPacket copy = new DatagramPacket(octets, octets.length, packet.getAddress(), packet.getPort());
            return new DatagramQueuedMessageDispatch(copy, System.currentTimeMillis());
        }
        return null;
    }

    /** jain-sip's channel thread with the thread-name constructor, which is protected. */
    private static final class Channel extends UDPMessageChannel {
        Channel(SIPTransactionStack stack, UDPMessageProcessor processor, String threadName) {
            super(stack, processor, threadName);
        }
    }

    /**
     * What the channel threads take their work from: {@link #take} and {@link #poll(long, TimeUnit)} receive
     * from the socket. When the processor stops they return a placeholder, after which the channel thread sees
     * {@code isRunning == false} and ends. Nothing is ever queued; offers are refused.
     */
    private final class SocketQueue extends AbstractQueue<DatagramQueuedMessageDispatch>
            implements BlockingQueue<DatagramQueuedMessageDispatch> {
        private final DatagramQueuedMessageDispatch stopped = new DatagramQueuedMessageDispatch(
                new DatagramPacket(new byte[0], 0), 0);

        @Override
        public DatagramQueuedMessageDispatch take() {
            DatagramQueuedMessageDispatch d = receive();
            return d != null ? d : stopped;
        }

        @Override
        public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) {
            return take();
        }

        @Override
        public boolean offer(DatagramQueuedMessageDispatch d) {
            return false;
        }

        @Override
        public void put(DatagramQueuedMessageDispatch d) {
            throw new UnsupportedOperationException("datagrams are received from the socket");
        }

        @Override
        public boolean offer(DatagramQueuedMessageDispatch d, long timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public DatagramQueuedMessageDispatch poll() {
            return null;
        }

        @Override
        public DatagramQueuedMessageDispatch peek() {
            return null;
        }

        @Override
        public int remainingCapacity() {
            return 0;
        }

        @Override
        public int drainTo(java.util.Collection<? super DatagramQueuedMessageDispatch> c) {
            return 0;
        }

        @Override
        public int drainTo(java.util.Collection<? super DatagramQueuedMessageDispatch> c, int max) {
            return 0;
        }

        @Override
        public Iterator<DatagramQueuedMessageDispatch> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
