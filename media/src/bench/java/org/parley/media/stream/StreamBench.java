package org.parley.media.stream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.Optional;
import org.parley.media.codec.Codec;
import org.parley.media.codec.G711Codec;
import org.parley.media.codec.OpusCodec;
import org.parley.media.jitter.JitterStatistics;
import org.parley.media.testsupport.ImpairmentRelay;
import org.parley.media.testsupport.ImpairmentRelay.Impairment;

/**
 * Figures of the call pipeline on this machine, printed to stdout. Not a test: run by hand (see
 * docs/media.md). Durations: {@code -Dbench.seconds} (each delay and CPU run, default 20),
 * {@code -Dbench.intervalSeconds} (send interval, default 60), {@code -Dbench.calls} (default 100).
 */
public final class StreamBench {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    private StreamBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        System.out.printf("StreamBench on %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        jitterDelay(G711Codec.PCMU, Impairment.none(), seconds);
        jitterDelay(G711Codec.PCMU, new Impairment(5, 30, 0, 4733), seconds);
        jitterDelay(OpusCodec.INSTANCE, new Impairment(5, 30, 0, 4733), seconds);
        sendInterval(Integer.getInteger("bench.intervalSeconds", 60));
        cpuPerCall(G711Codec.PCMU, seconds);
        cpuPerCall(OpusCodec.INSTANCE, seconds);
        heapAfterCalls(Integer.getInteger("bench.calls", 100));
    }

    /** Added delay of the jitter buffer at B, directly or through the relay. */
    private static void jitterDelay(Codec codec, Impairment impairment, int seconds) throws Exception {
        try (AudioStream a = open(); AudioStream b = open();
                ImpairmentRelay relay = ImpairmentRelay.start(rtp(a), rtp(b), impairment)) {
            start(a, config(relay.addressForA(), rtcp(b), codec));
            start(b, config(relay.addressForB(), rtcp(a), codec));
            Thread.sleep(seconds * 1000L);
            JitterStatistics j = b.quality().jitter();
            System.out.printf("jitter buffer, %s, loss %.0f %%, jitter 0-%d ms, %d s: added delay mean %.1f ms,"
                    + " p95 %d ms, target %d ms; received %d, lost %d, reordered %d, late %d, concealed %d,"
                    + " FEC %d, dropped %d; relay toward B: %s%n",
                    codec, impairment.lossPercent(), impairment.maxJitterMillis(), seconds,
                    j.meanAddedDelayMs(), j.p95AddedDelayMs(), j.targetDelayMs(), j.received(), j.lost(),
                    j.reordered(), j.late(), j.concealed(), j.fecRecovered(), j.dropped(), relay.towardB());
        }
    }

    /** Intervals between A's packets as a bare UDP socket receives them. */
    private static void sendInterval(int seconds) throws Exception {
        try (DatagramChannel peer = DatagramChannel.open().bind(new InetSocketAddress(LO, 0));
                AudioStream a = open()) {
            InetSocketAddress at = (InetSocketAddress) peer.getLocalAddress();
            start(a, config(at, new InetSocketAddress(LO, at.getPort() + 1), G711Codec.PCMU));
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            int packets = seconds * 50;
            long[] arrivals = new long[packets];
            for (int i = 0; i < packets; i++) {
                buffer.clear();
                peer.receive(buffer);
                arrivals[i] = System.nanoTime();
            }
            double sum = 0;
            double squares = 0;
            long max = 0;
            int n = packets - 1;
            for (int i = 1; i < packets; i++) {
                long d = arrivals[i] - arrivals[i - 1];
                sum += d;
                squares += (double) d * d;
                max = Math.max(max, d);
            }
            double mean = sum / n;
            double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
            System.out.printf("send interval over %d s (%d packets): mean %.3f ms, sd %.3f ms, max %.2f ms%n",
                    seconds, packets, mean / 1e6, sd / 1e6, max / 1e6);
        }
    }

    /** Process CPU time of a stream pair (both directions) per wall time, halved: one call's share. */
    private static void cpuPerCall(Codec codec, int seconds) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (AudioStream a = open(); AudioStream b = open()) {
            start(a, config(rtp(b), rtcp(b), codec));
            start(b, config(rtp(a), rtcp(a), codec));
            Thread.sleep(5000); // JIT warm-up
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double share = (os.getProcessCpuTime() - cpu) / (double) (System.nanoTime() - wall) / 2;
            System.out.printf("CPU per call, %s: %.2f %% of one core (process CPU of a pair / wall / 2, %d s)%n",
                    codec, share * 100, seconds);
        }
    }

    /** Used heap after a full GC, after 10 and after {@code calls} short calls. */
    private static void heapAfterCalls(int calls) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long after10 = 0;
        for (int i = 1; i <= calls; i++) {
            try (AudioStream a = open(); AudioStream b = open()) {
                Codec codec = i % 2 == 0 ? OpusCodec.INSTANCE : G711Codec.PCMU;
                start(a, config(rtp(b), rtcp(b), codec));
                start(b, config(rtp(a), rtcp(a), codec));
                Thread.sleep(200);
            }
            if (i == 10) {
                after10 = usedAfterGc(memory);
            }
        }
        long afterAll = usedAfterGc(memory);
        System.out.printf("heap after GC: %.1f MB after 10 calls, %.1f MB after %d calls (%+.1f MB)%n",
                after10 / 1e6, afterAll / 1e6, calls, (afterAll - after10) / 1e6);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static AudioStream open() throws IOException {
        return AudioStream.open(LO, 20000, 59999, "bench@parley");
    }

    private static void start(AudioStream s, StreamConfig config) {
        s.start(config, new ToneSource(), new MeteredSink(), new RecordingStreamListener());
    }

    private static StreamConfig config(InetSocketAddress rtp, InetSocketAddress rtcp, Codec codec) {
        int pt = codec.staticPayloadType() >= 0 ? codec.staticPayloadType() : 111;
        return new StreamConfig(rtp, rtcp, codec, pt, Map.of(pt, codec), 101, 101,
                StreamDirection.SEND_RECEIVE, Optional.empty());
    }

    private static InetSocketAddress rtp(AudioStream s) {
        return new InetSocketAddress(LO, s.localRtpPort());
    }

    private static InetSocketAddress rtcp(AudioStream s) {
        return new InetSocketAddress(LO, s.localRtcpPort());
    }
}
