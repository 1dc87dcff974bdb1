package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.app.sip.RequestBuilder;
import org.parley.app.sip.SipEvents;
import org.parley.app.sip.SipStackHost;
import org.parley.app.sip.auth.DigestChallenge;
import org.parley.app.sip.auth.DigestCredentials;
import org.parley.app.sip.auth.DigestResponder;
import org.parley.app.sip.auth.DigestScope;
import org.parley.app.sip.validation.Framing;
import org.parley.app.sip.validation.RawMessageScreen;

/**
 * CPU time per operation of Parley's own per-message steps, on one thread (thread CPU time, so other load on
 * the machine inflates it less than wall time): the raw screen of a MESSAGE as Kamailio relays it, the
 * preemptive digest answer, and building the MESSAGE. Run: {@code java -cp … org.parley.bench.PathMicroBench}.
 * Prints one line per step: median of 7 rounds of N operations, in microseconds per operation.
 */
public final class PathMicroBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private PathMicroBench() {
    }

    public static void main(String[] args) throws Exception {
        byte[] message = ("MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Record-Route: <sip:127.0.0.1:40093;lr>\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:40093;branch=z9hG4bK1f4d.2b6b1c0a7e9d1c3a5b7d9f1e3a5c7e90.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:41234;rport=41234;received=127.0.0.1;branch=z9hG4bK-524287-1---0a1b2c3d4e5f6a7b\r\n"
                + "Max-Forwards: 69\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=8c1a2b3c4d5e6f70\r\n"
                + "Call-ID: 3f2504e0-4f89-11d3-9a0c-0305e82c3301@parley\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Allow: MESSAGE,OPTIONS\r\n"
                + "User-Agent: Parley/0.1\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: 11\r\n\r\nlatency 123").getBytes(StandardCharsets.UTF_8);
        report("raw screen of a relayed MESSAGE", 20_000, () -> sink = RawMessageScreen.screen(message,
                Framing.DATAGRAM));

        DigestResponder digest = new DigestResponder(new DigestCredentials("alice", "alicepw"));
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"127.0.0.1\", "
                + "nonce=\"ZmFrZW5vbmNlZmFrZW5vbmNl\", qop=\"auth\"").orElseThrow();
        digest.answer(DigestScope.PROXY, challenge, "MESSAGE", "sip:bob@127.0.0.1", null);
        report("preemptive digest answer (MD5, qop=auth)", 20_000, () -> sink = digest.authorizationFor(
                DigestScope.PROXY, "MESSAGE", "sip:bob@127.0.0.1", null));

        ScheduledExecutorService core = Executors.newSingleThreadScheduledExecutor();
        SipStackHost host = SipStackHost.start("127.0.0.1", 0, false, new Properties(), core, new SipEvents() {
            @Override
            public void onRequest(RequestEvent event) {
            }

            @Override
            public void onResponse(ResponseEvent event) {
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
            }

            @Override
            public void onTransportError(String h, int p, String t) {
            }
        });
        RequestBuilder builder = new RequestBuilder(host, SipAddress.parse("sip:alice@127.0.0.1"), "127.0.0.1",
                40093, Transport.UDP, "Parley/0.1");
        SipAddress bob = SipAddress.parse("sip:bob@127.0.0.1");
        int[] n = {0};
        report("build a MESSAGE request", 20_000, () -> {
            try {
                sink = builder.message(bob, (n[0]++) + "@parley", "8c1a2b3c4d5e6f70", 1, "text/plain",
                        "latency 123", Transport.UDP);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        });
        report("SipAddress.parse of a sender", 20_000, () -> sink = SipAddress.parse("sip:alice@127.0.0.1"));
        host.close();
        core.shutdownNow();
        System.exit(0);
    }

    private static void report(String what, int ops, Runnable op) {
        for (int i = 0; i < 5 * ops; i++) {
            op.run(); // warm-up: let the JIT compile the path
        }
        double[] rounds = new double[7];
        for (int r = 0; r < rounds.length; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                op.run();
            }
            rounds[r] = (THREADS.getCurrentThreadCpuTime() - t0) / 1000.0 / ops;
        }
        java.util.Arrays.sort(rounds);
        System.out.printf("%-45s %7.2f us/op (rounds %.2f–%.2f)%n", what, rounds[3], rounds[0], rounds[6]);
    }
}
