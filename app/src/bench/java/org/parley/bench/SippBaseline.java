package org.parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parley.app.testsupport.kamailio.KamailioServer;

/**
 * Phase 3: SIPp to SIPp through the same Kamailio, as the baseline. A SIPp UAS registers as user "sippuas"
 * (uas-register.xml) and answers every MESSAGE with 200 (uas-message.xml, the out-of-call scenario); a SIPp UAC
 * (uac-message.xml) sends MESSAGE as "sippuac", answering each 407 afresh (two round trips per MESSAGE, where
 * Parley reuses the nonce and needs one). Latency: sequential calls ({@code -l 1}), timed from SIPp's message
 * trace. Throughput: each offered rate for a fixed time, until a rate has a failed call. The UAS is stopped
 * before this returns.
 */
final class SippBaseline {
    private static final String UAS = "sippuas";
    private static final String UAC = "sippuac";
    private static final List<String> SCENARIOS = List.of("uas-register.xml", "uas-message.xml", "uac-message.xml");

    /** One offered rate: {@code ok} when every call succeeded. */
    record Step(int rate, long calls, long succeeded, long failed, long retransmissions, double seconds,
                long kamailioOutOfMemory, boolean ok) {
    }

    record Result(Latencies full, Latencies authenticated, int latencyCalls, List<Step> steps) {
        /** Highest offered rate without a failure, 0 if none. */
        int zeroFailureRate() {
            return steps.stream().filter(Step::ok).mapToInt(Step::rate).max().orElse(0);
        }
    }

    private final BenchConfig config;
    private final KamailioServer kamailio;
    private final Path dir;
    private final String proxy;

    SippBaseline(BenchConfig config, KamailioServer kamailio) throws IOException {
        this.config = config;
        this.kamailio = kamailio;
        this.dir = Files.createDirectories(config.out().resolve("sipp"));
        this.proxy = kamailio.host() + ":" + kamailio.udpPort();
    }

    Result run() throws Exception {
        copyScenarios();
        kamailio.addUser(UAS, UAS + "pw");
        kamailio.addUser(UAC, UAC + "pw");
        int[] ports = freeUdpPorts();
        try (SippProcess uas = SippProcess.start(dir, "uas", List.of("-sf", "uas-register.xml",
                "-oocsf", "uas-message.xml", "-s", UAS, "-au", UAS, "-ap", UAS + "pw",
                "-i", KamailioServer.HOST, "-p", Integer.toString(ports[0]), "-m", "1", "-nostdin",
                "-timeout", config.deadline().toSeconds() + "s", proxy))) {
            awaitUasRegistered(uas, ports[1]);
            Latencies[] latency = latency(ports[1]);
            List<Step> steps = new ArrayList<>();
            for (int rate : config.sippRates()) {
                Thread.sleep(config.settleSeconds() * 1000L);
                Step step = step(rate, ports[1]);
                steps.add(step);
                System.out.printf("bench: sipp %d msg/s offered: %d/%d ok, %d failed%n", rate, step.succeeded(),
                        step.calls(), step.failed());
                if (!step.ok()) {
                    break;
                }
            }
            return new Result(latency[0], latency[1], latency[0].count(), steps);
        }
    }

    private List<String> uac(int port, long calls, int limit, int rate, String... extra) {
        List<String> a = new ArrayList<>(List.of("-sf", "uac-message.xml", "-s", UAS, "-au", UAC, "-ap", UAC + "pw",
                "-key", "from_user", UAC, "-i", KamailioServer.HOST, "-p", Integer.toString(port),
                "-m", Long.toString(calls), "-l", Integer.toString(limit), "-r", Integer.toString(rate), "-nostdin"));
        a.addAll(List.of(extra));
        a.add(proxy);
        return a;
    }

    /** The UAS has no way to say it is registered; a single MESSAGE through it answers the question. */
    private void awaitUasRegistered(SippProcess uas, int uacPort) throws InterruptedException {
        for (int attempt = 1; attempt <= 20; attempt++) {
            if (!uas.isAlive()) {
                throw new IllegalStateException("the SIPp UAS exited; see " + dir.resolve("uas.out"));
            }
            try (SippProcess probe = SippProcess.start(dir, "probe", uac(uacPort, 1, 1, 10, "-timeout", "5s",
                    "-timeout_error"))) {
                if (probe.awaitExit(Duration.ofSeconds(10)) == 0) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no MESSAGE reached the SIPp UAS; see " + dir);
    }

    private Latencies[] latency(int uacPort) throws Exception {
        int total = config.sippWarmup() + config.sippCount();
        Path log = dir.resolve("uac-latency-messages.log");
        Files.deleteIfExists(log);
        try (SippProcess uac = SippProcess.start(dir, "uac-latency", uac(uacPort, total, 1, 100_000,
                "-trace_msg", "-message_file", log.toString(), "-timeout", "300s", "-timeout_error"))) {
            int status = uac.awaitExit(Duration.ofSeconds(310));
            if (status != 0) {
                throw new IllegalStateException("sipp latency run exited with " + status + "; see " + dir);
            }
        }
        List<SippMessageLog.Call> calls = SippMessageLog.read(log);
        if (calls.size() != total) {
            throw new IllegalStateException("sipp latency run: " + calls.size() + " of " + total + " completed");
        }
        List<SippMessageLog.Call> measured = calls.subList(config.sippWarmup(), calls.size());
        return new Latencies[] {
                Latencies.of(measured.stream().mapToLong(SippMessageLog.Call::fullNanos).toArray()),
                Latencies.of(measured.stream().mapToLong(SippMessageLog.Call::authenticatedNanos).toArray())};
    }

    private Step step(int rate, int uacPort) throws Exception {
        long calls = (long) rate * config.sippStepSeconds();
        Path stat = dir.resolve("uac-rate-" + rate + ".csv");
        Files.deleteIfExists(stat);
        LogScan kamailioLog = LogScan.mark(kamailio.logFile());
        long t0 = System.nanoTime();
        int status;
        // up to 32 s for SIPp's last retransmission timeouts after the offered calls
        try (SippProcess uac = SippProcess.start(dir, "uac-rate-" + rate, uac(uacPort, calls, 20_000, rate,
                "-trace_stat", "-stf", stat.toString(), "-fd", "1",
                "-timeout", (config.sippStepSeconds() + 40) + "s", "-timeout_error"))) {
            status = uac.awaitExit(Duration.ofSeconds(config.sippStepSeconds() + 50L));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        SippStatCsv s = SippStatCsv.read(stat);
        long ok = s.counter("SuccessfulCall(C)");
        long failed = s.counter("FailedCall(C)");
        return new Step(rate, calls, ok, failed, s.counter("Retransmissions(C)"), seconds,
                kamailioLog.count(LogScan.KAMAILIO_OUT_OF_MEMORY), status == 0 && failed == 0 && ok == calls);
    }

    private void copyScenarios() throws IOException {
        for (String name : SCENARIOS) {
            try (InputStream in = SippBaseline.class.getResourceAsStream("/sipp/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("/sipp/" + name + " is not on the classpath (run with -Pbench)");
                }
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Two distinct UDP ports on the loopback that were free a moment ago. */
    private static int[] freeUdpPorts() {
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket b = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port on the loopback", e);
        }
    }
}
