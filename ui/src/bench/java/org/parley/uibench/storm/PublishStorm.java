package org.parley.uibench.storm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.app.SipAddress;
import org.parley.app.presence.Note;
import org.parley.app.presence.Pidf;
import org.parley.app.presence.PresenceState;
import org.parley.app.presence.Publication;

/**
 * PUBLISH load (RFC 3903) for many presentities from one UDP socket, answering the server's MD5 digest challenge
 * (the nonce is reused for later requests until the server calls it stale) and modifying each presentity's one
 * publication with {@code SIP-If-Match}, so the server holds exactly one document per presentity. At most one
 * PUBLISH per presentity is in flight; each carries a PIDF made by Parley's own encoder with a note
 * {@code "<user> #<sequence>"}. Remembers per presentity the last publication the server accepted (200): that is
 * the state a watcher must end up showing. Retransmits like a UDP client (every 500 ms, 4 times); a presentity
 * whose PUBLISH was never answered is "uncertain". A 500 is tried again after 50 ms (up to 5 times).
 *
 * <p>Threading: a pacing thread sends, one receiver thread reads responses; all methods are thread-safe.
 */
final class PublishStorm implements AutoCloseable {
    /** A publication the server accepted. */
    record Accepted(long seq, PresenceState state, String note) {
    }

    /** Per-second counts of one run; index = second since its start. */
    record Run(int[] sent, int[] accepted, Duration took) {
    }

    private static final long RETRANSMIT_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int MAX_TRIES = 5;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String domain;
    private final List<String> users;
    private final List<PresenceState> states;
    private final Pidf pidf = new Pidf();
    private final Map<String, Attempt> pending = new ConcurrentHashMap<>();
    private final String[] etags;
    private final boolean[] busy;
    private final Accepted[] accepted;
    private final Set<Integer> uncertain = new HashSet<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong nc = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> daemon(r, "storm-pacer"));
    private final Thread receiver;
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private volatile DigestMd5.Challenge challenge;
    private volatile RunCounts current;

    /** Users' passwords are {@code name + "pw"}; requests go to {@code host:port}, addresses are in {@code domain}. */
    PublishStorm(String host, int port, String domain, List<String> users) {
        this.server = new InetSocketAddress(host, port);
        this.domain = domain;
        this.users = List.copyOf(users);
        this.etags = new String[users.size()];
        this.busy = new boolean[users.size()];
        this.accepted = new Accepted[users.size()];
        this.states = roundTripping();
        try {
            socket = new DatagramSocket(new InetSocketAddress(host, 0));
            socket.setReceiveBufferSize(4 << 20);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        receiver = daemon(this::receive, "storm-receiver");
        receiver.start();
        timer.scheduleWithFixedDelay(this::retransmit, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** The states that Parley's decoder reads back as themselves from Parley's encoder (all but UNKNOWN, expected). */
    List<PresenceState> states() {
        return states;
    }

    /** Publishes every presentity once, {@code rate} per second, until each one is accepted (at most 5 rounds). */
    Run publishEach(double rate) throws InterruptedException {
        long start = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            List<Integer> missing = new ArrayList<>();
            synchronized (this) {
                for (int u = 0; u < users.size(); u++) {
                    if (accepted[u] == null) {
                        missing.add(u);
                    }
                }
            }
            if (missing.isEmpty()) {
                break;
            }
            int[] next = {0};
            run(rate, missing.size(), () -> next[0] < missing.size() ? missing.get(next[0]++) : -1);
        }
        return new Run(new int[0], new int[0], Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@code rate} PUBLISH/s for {@code duration}, each to a presentity drawn at random that has none in flight. */
    Run storm(double rate, Duration duration, long seed) throws InterruptedException {
        Random random = new Random(seed);
        int total = (int) Math.round(rate * duration.toMillis() / 1000.0);
        return run(rate, total, () -> {
            for (int tries = 0; tries < 100; tries++) {
                int u = random.nextInt(users.size());
                synchronized (this) {
                    if (!busy[u]) {
                        return u;
                    }
                }
            }
            return -1;
        });
    }

    /** The last accepted publication per user name (absent: none accepted). */
    synchronized Map<String, Accepted> accepted() {
        Map<String, Accepted> m = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            if (accepted[i] != null) {
                m.put(users.get(i), accepted[i]);
            }
        }
        return m;
    }

    /** Users with a PUBLISH that was never answered: the server may or may not hold it. */
    synchronized Set<String> uncertain() {
        Set<String> s = new HashSet<>();
        uncertain.forEach(i -> s.add(users.get(i)));
        return s;
    }

    /** Counters since construction: sent, retransmitted, challenged, accepted, conditional-failed, failed, timedOut. */
    Map<String, Integer> counters() {
        Map<String, Integer> m = new HashMap<>();
        counters.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        socket.close();
    }

    private interface Picker {
        /** The next user index, or -1 to skip this tick. */
        int next();
    }

    private Run run(double rate, int total, Picker picker) throws InterruptedException {
        long start = System.nanoTime();
        int seconds = (int) Math.ceil(total / rate) + 30;
        RunCounts counts = new RunCounts(start, seconds);
        current = counts;
        long period = (long) (1e9 / rate);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int u = picker.next();
            if (u >= 0) {
                publish(u);
                counts.sent.incrementAndGet(counts.second());
            } else {
                count("skipped");
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int used = Math.min(seconds, (int) took.toSeconds() + 1);
        int[] sent = new int[used];
        int[] ok = new int[used];
        for (int s = 0; s < used; s++) {
            sent[s] = counts.sent.get(s);
            ok[s] = counts.accepted.get(s);
        }
        return new Run(sent, ok, took);
    }

    private void publish(int u) {
        long seq = sequence.incrementAndGet();
        PresenceState state = states.get((int) (seq % states.size()));
        String note = users.get(u) + " #" + seq;
        byte[] body = pidf.encode(Publication.of(SipAddress.parse(aor(u)), "storm", state, Note.of(note),
                Instant.now()));
        Attempt a;
        synchronized (this) {
            busy[u] = true;
            a = new Attempt(u, new Accepted(seq, state, note), body, etags[u]);
        }
        synchronized (a) {
            pending.put(a.callId, a);
            send(a, challenge);
        }
    }

    private void send(Attempt a, DigestMd5.Challenge auth) {
        String uri = aor(a.user);
        StringBuilder b = new StringBuilder(1200);
        b.append("PUBLISH ").append(uri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP ").append(socket.getLocalAddress().getHostAddress()).append(':')
                .append(socket.getLocalPort()).append(";branch=z9hG4bK").append(a.callId).append('.').append(a.cseq)
                .append(";rport\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <").append(uri).append(">;tag=").append(a.callId).append("\r\n")
                .append("To: <").append(uri).append(">\r\n")
                .append("Call-ID: ").append(a.callId).append("\r\n")
                .append("CSeq: ").append(a.cseq).append(" PUBLISH\r\n")
                .append("Event: presence\r\nExpires: 3600\r\n");
        if (a.etag != null) {
            b.append("SIP-If-Match: ").append(a.etag).append("\r\n");
        }
        if (auth != null) {
            b.append("Proxy-Authorization: ").append(DigestMd5.authorization(auth, users.get(a.user),
                    users.get(a.user) + "pw", "PUBLISH", uri, nc.incrementAndGet())).append("\r\n");
        }
        b.append("Content-Type: application/pidf+xml\r\nContent-Length: ").append(a.body.length).append("\r\n\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] wire = new byte[head.length + a.body.length];
        System.arraycopy(head, 0, wire, 0, head.length);
        System.arraycopy(a.body, 0, wire, head.length, a.body.length);
        a.wire = wire;
        a.tries = 1;
        a.sentAt = System.nanoTime();
        transmit(wire);
        count("sent");
    }

    private void transmit(byte[] wire) {
        try {
            socket.send(new DatagramPacket(wire, wire.length, server));
        } catch (IOException e) {
            if (!socket.isClosed()) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void receive() {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            SipResponse r = SipResponse.parse(buffer, packet.getLength());
            Attempt a = r == null ? null : pending.get(r.callId());
            if (a == null || r.cseq() != a.cseq || r.status() < 200) {
                continue;
            }
            synchronized (a) {
                if (a.done) {
                    continue;
                }
                answered(a, r);
            }
        }
    }

    private void answered(Attempt a, SipResponse r) {
        if (r.status() == 407 && a.challenges++ < 2 && r.header("Proxy-Authenticate") != null) {
            count("challenged");
            challenge = DigestMd5.Challenge.parse(r.header("Proxy-Authenticate"));
            a.cseq++;
            send(a, challenge);
            return;
        }
        if (r.status() == 412 && a.etag != null) {
            // RFC 3903 §6: the publication is gone from the server; publish it again as a new one
            count("conditionalFailed");
            a.etag = null;
            a.cseq++;
            send(a, challenge);
            return;
        }
        if (r.status() == 500 && a.serverErrors++ < 5) {
            // the test server refuses when its sqlite is busy ("database is locked"); a client tries again
            count("retried500");
            a.sentAt = Long.MAX_VALUE / 2;
            timer.schedule(() -> {
                synchronized (a) {
                    a.cseq++;
                    send(a, challenge);
                }
            }, 50, TimeUnit.MILLISECONDS);
            return;
        }
        finish(a, r.status() == 200 ? r.header("SIP-ETag") : null, false);
        count(r.status() == 200 ? "accepted" : "failed" + r.status());
    }

    private void finish(Attempt a, String etag, boolean timedOut) {
        a.done = true;
        pending.remove(a.callId);
        synchronized (this) {
            busy[a.user] = false;
            if (etag != null) {
                etags[a.user] = etag;
                accepted[a.user] = a.publication;
                uncertain.remove(a.user);
                RunCounts counts = current;
                if (counts != null) {
                    counts.accepted.incrementAndGet(counts.second());
                }
            } else if (timedOut) {
                uncertain.add(a.user);
            }
        }
    }

    private void retransmit() {
        long now = System.nanoTime();
        for (Attempt a : pending.values()) {
            synchronized (a) {
                if (a.done || now - a.sentAt < RETRANSMIT_NS) {
                    continue;
                }
                if (a.tries >= MAX_TRIES) {
                    count("timedOut");
                    finish(a, null, true);
                } else {
                    a.tries++;
                    a.sentAt = now;
                    count("retransmitted");
                    transmit(a.wire);
                }
            }
        }
    }

    private void count(String name) {
        counters.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }

    private String aor(int u) {
        return "sip:" + users.get(u) + "@" + domain;
    }

    private List<PresenceState> roundTripping() {
        List<PresenceState> ok = new ArrayList<>();
        SipAddress probe = SipAddress.parse("sip:probe@" + domain);
        for (PresenceState s : PresenceState.values()) {
            if (s == PresenceState.UNKNOWN) {
                continue;
            }
            try {
                var back = pidf.decode(probe.toString(), pidf.encode(Publication.of(probe, "storm", s, Note.of("n"),
                        Instant.now())));
                if (back.state() == s) {
                    ok.add(s);
                }
            } catch (Exception e) {
                // a state that does not survive Parley's own round trip is left out of the load
            }
        }
        return List.copyOf(ok);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One PUBLISH transaction (and its digest / 412 retries), keyed by its own Call-ID. */
    private static final class Attempt {
        private static final AtomicLong IDS = new AtomicLong();
        final int user;
        final Accepted publication;
        final byte[] body;
        final String callId = "storm" + IDS.incrementAndGet();
        String etag;
        long cseq = 1;
        int challenges;
        int serverErrors;
        int tries;
        long sentAt;
        byte[] wire;
        boolean done;

        Attempt(int user, Accepted publication, byte[] body, String etag) {
            this.user = user;
            this.publication = publication;
            this.body = body;
            this.etag = etag;
        }
    }

    /** Per-second counters of the run in progress. */
    private static final class RunCounts {
        final long start;
        final AtomicIntegerArray sent;
        final AtomicIntegerArray accepted;

        RunCounts(long start, int seconds) {
            this.start = start;
            this.sent = new AtomicIntegerArray(seconds);
            this.accepted = new AtomicIntegerArray(seconds);
        }

        int second() {
            return (int) Math.min(sent.length() - 1, (System.nanoTime() - start) / 1_000_000_000L);
        }
    }
}
