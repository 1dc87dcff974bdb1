package org.parley.media.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user-space stand-in for netem: a UDP relay between two endpoints that loses, delays (and thereby
 * reorders) and duplicates datagrams, in both directions, from one seeded random generator, so a run
 * is repeatable up to thread timing. Endpoint A sends to {@link #addressForA()}, B to {@link
 * #addressForB()}; each side sees the relay's other port as its peer, which suits symmetric RTP.
 *
 * <p>Each datagram, on arrival: dropped with probability {@code lossPercent}; otherwise delayed by a
 * uniform random 0..{@code maxJitterMillis} and sent; with probability {@code duplicatePercent} a
 * copy follows with its own random delay. What it did is counted per direction.
 *
 * <p>Threading: one daemon thread ({@code impairment-relay-<port>}) does all the work; the counters
 * may be read from any thread. {@link #close()} stops it and closes both ports.
 */
public final class ImpairmentRelay implements AutoCloseable {

    /** How to impair, the same for both directions. */
    public record Impairment(double lossPercent, int maxJitterMillis, double duplicatePercent, long seed) {
        public static Impairment none() {
            return new Impairment(0, 0, 0, 1);
        }
    }

    /** What the relay did to one direction's datagrams. */
    public static final class Counters {
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong duplicated = new AtomicLong();
        private final AtomicLong forwarded = new AtomicLong();
        private final AtomicLong reordered = new AtomicLong();

        public long received() {
            return received.get();
        }

        public long dropped() {
            return dropped.get();
        }

        public long duplicated() {
            return duplicated.get();
        }

        /** Datagrams sent on, duplicates included. */
        public long forwarded() {
            return forwarded.get();
        }

        /** Datagrams sent on after one that arrived later than they did (duplicates not counted). */
        public long reordered() {
            return reordered.get();
        }

        @Override
        public String toString() {
            return "received " + received() + ", dropped " + dropped() + ", duplicated " + duplicated()
                    + ", reordered " + reordered() + ", forwarded " + forwarded();
        }
    }

    private record Pending(long dueNanos, long order, long arrivalIndex, boolean copy,
            DatagramChannel out, InetSocketAddress target, byte[] data, Counters counters) {}

    private final DatagramChannel sideA;
    private final DatagramChannel sideB;
    private final InetSocketAddress endpointA;
    private final InetSocketAddress endpointB;
    private final Impairment impairment;
    private final Random random;
    private final Selector selector;
    private final Counters towardB = new Counters();
    private final Counters towardA = new Counters();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>((x, y) -> x.dueNanos != y.dueNanos
            ? Long.compare(x.dueNanos, y.dueNanos) : Long.compare(x.order, y.order));
    private final ByteBuffer in = ByteBuffer.allocate(2048);
    private final Thread thread;
    private long order;
    private long arrivalsTowardA;
    private long arrivalsTowardB;
    private long highestSentTowardA = -1;
    private long highestSentTowardB = -1;
    private volatile boolean running = true;

    private ImpairmentRelay(InetSocketAddress a, InetSocketAddress b, Impairment impairment)
            throws IOException {
        InetAddress lo = a.getAddress();
        this.endpointA = a;
        this.endpointB = b;
        this.impairment = impairment;
        this.random = new Random(impairment.seed());
        this.sideA = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
        this.sideB = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
        this.selector = Selector.open();
        sideA.configureBlocking(false).register(selector, SelectionKey.OP_READ);
        sideB.configureBlocking(false).register(selector, SelectionKey.OP_READ);
        this.thread = new Thread(this::run, "impairment-relay-" + sideA.socket().getLocalPort());
        thread.setDaemon(true);
    }

    /** Starts relaying between endpoints {@code a} and {@code b} (on one local address). */
    public static ImpairmentRelay start(InetSocketAddress a, InetSocketAddress b, Impairment impairment)
            throws IOException {
        ImpairmentRelay relay = new ImpairmentRelay(a, b, impairment);
        relay.thread.start();
        return relay;
    }

    /** Where endpoint A sends: datagrams go on to B. */
    public InetSocketAddress addressForA() {
        return (InetSocketAddress) sideA.socket().getLocalSocketAddress();
    }

    /** Where endpoint B sends: datagrams go on to A. */
    public InetSocketAddress addressForB() {
        return (InetSocketAddress) sideB.socket().getLocalSocketAddress();
    }

    public Counters towardB() {
        return towardB;
    }

    public Counters towardA() {
        return towardA;
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
        sideA.close();
        sideB.close();
    }

    private void run() {
        try {
            while (running) {
                long now = System.nanoTime();
                while (!queue.isEmpty() && queue.peek().dueNanos - now <= 0) {
                    send(queue.poll());
                }
                long waitMillis = queue.isEmpty() ? 100
                        : Math.max(1, TimeUnit.NANOSECONDS.toMillis(queue.peek().dueNanos - now));
                selector.select(waitMillis);
                selector.selectedKeys().clear();
                receive(sideA, sideB, endpointB, towardB, true);
                receive(sideB, sideA, endpointA, towardA, false);
            }
        } catch (IOException e) {
            if (running) {
                throw new IllegalStateException("relay failed", e);
            }
        }
    }

    private void receive(DatagramChannel from, DatagramChannel out, InetSocketAddress target,
            Counters counters, boolean toB) throws IOException {
        while (true) {
            in.clear();
            SocketAddress source = from.receive(in);
            if (source == null) {
                return;
            }
            long now = System.nanoTime();
            long index = toB ? arrivalsTowardB++ : arrivalsTowardA++;
            counters.received.incrementAndGet();
            if (random.nextDouble() * 100 < impairment.lossPercent()) {
                counters.dropped.incrementAndGet();
                continue;
            }
            byte[] data = Arrays.copyOf(in.array(), in.position());
            queue.add(new Pending(now + delayNanos(), order++, index, false, out, target, data, counters));
            if (random.nextDouble() * 100 < impairment.duplicatePercent()) {
                counters.duplicated.incrementAndGet();
                queue.add(new Pending(now + delayNanos(), order++, index, true, out, target, data, counters));
            }
        }
    }

    private long delayNanos() {
        return impairment.maxJitterMillis() == 0 ? 0
                : (long) (random.nextDouble() * TimeUnit.MILLISECONDS.toNanos(impairment.maxJitterMillis()));
    }

    private void send(Pending p) throws IOException {
        p.out.send(ByteBuffer.wrap(p.data), p.target);
        p.counters.forwarded.incrementAndGet();
        if (p.copy) {
            return;
        }
        boolean toB = p.counters == towardB;
        long highest = toB ? highestSentTowardB : highestSentTowardA;
        if (p.arrivalIndex < highest) {
            p.counters.reordered.incrementAndGet();
        } else if (toB) {
            highestSentTowardB = p.arrivalIndex;
        } else {
            highestSentTowardA = p.arrivalIndex;
        }
    }
}
