package org.parley.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.parley.app.testsupport.kamailio.KamailioServer;
import org.slf4j.LoggerFactory;

/**
 * The MESSAGE benchmark (issue §8): in one run against one Kamailio (UDP, started here), Parley's sequential
 * latency, Parley's sustained throughput with a zero-loss check, and the SIPp-to-SIPp baseline; prints the
 * report and writes it to {@code <bench.out>/message-report.txt}. See docs/benchmarks.md.
 *
 * <p>Exit status: 0 when every phase that ran produced a result and no message was lost, 1 otherwise, 2 when
 * the run could not start, 3 when the watchdog ended it. Missed performance targets are reported, not failed.
 * Always ends with {@link System#exit}: jain-sip leaves a non-daemon thread behind after its stack stops.
 */
public final class MessageBench {
    private static final String NOT_RUN = "not run";
    private final BenchConfig config;

    private MessageBench(BenchConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        int status = 2;
        try {
            BenchConfig config = BenchConfig.fromSystemProperties();
            Watchdog.start(config.deadline());
            ChildProcesses.stopAll(); // loads the class, which registers its shutdown hook
            ClassPreloader.preload(List.of(MessageBench.class, KamailioServer.class));
            status = new MessageBench(config).run();
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            try {
                ChildProcesses.stopAll();
            } catch (Throwable t) {
                t.printStackTrace();
            }
            System.exit(status);
        }
    }

    private int run() throws Exception {
        Files.createDirectories(config.out());
        // production log level: the test logback configuration would log every message at DEBUG
        ((Logger) LoggerFactory.getLogger("org.parley")).setLevel(Level.INFO);
        Path profiles = Files.createTempDirectory(config.out(), "profiles-");
        String load = ProcCpu.loadAverage();
        KamailioServer kamailio = KamailioServer.builder().build(KamailioServer.newWorkDir("message-bench"));
        boolean keepKamailioDir = true;
        Outcome<ParleyLatencyPhase.Result> latency = Outcome.skipped(NOT_RUN);
        Outcome<ParleyThroughputPhase.Result> throughput = Outcome.skipped(NOT_RUN);
        Outcome<SippBaseline.Result> sipp = Outcome.skipped(NOT_RUN);
        Report.Setting setting;
        try {
            kamailio.start();
            long pid = KamailioFacts.pid(kamailio.workDir());
            setting = new Report.Setting(Runtime.getRuntime().availableProcessors(), load,
                    "Kamailio UDP " + kamailio.host() + ":" + kamailio.udpPort() + " " + kamailio.algorithm()
                            + " digest", KamailioFacts.sharedMemoryMb(pid), config);
            if (config.runs("latency")) {
                progress("phase 1: Parley latency");
                ResourceProbe probe = new ResourceProbe(pid, jfr("latency.jfr"));
                latency = phase(() -> new ParleyLatencyPhase().run(kamailio, profiles, config.warmup(),
                        Duration.ofSeconds(config.warmupSeconds()), config.latencyCount(), probe));
                settle();
            }
            if (config.runs("throughput")) {
                progress("phase 2: Parley throughput");
                ResourceProbe probe = new ResourceProbe(pid, jfr("throughput.jfr"));
                throughput = phase(() -> new ParleyThroughputPhase(config).run(kamailio, profiles, probe));
                settle();
            }
            if (config.runs("sipp")) {
                progress("phase 3: SIPp baseline");
                sipp = phase(() -> new SippBaseline(config, kamailio).run());
            }
            keepKamailioDir = failed(latency) || failed(throughput) || failed(sipp);
        } finally {
            ChildProcesses.stopAll(); // SIPp before Kamailio
            if (keepKamailioDir) {
                kamailio.stop();
                System.err.println("bench: kept Kamailio working directory " + kamailio.workDir());
            } else {
                kamailio.close();
            }
            deleteTree(profiles);
        }
        String text = new Report().render(setting, latency, throughput, sipp);
        System.out.print(text);
        Path file = config.out().resolve("message-report.txt");
        Report.write(file, text);
        System.out.println("report written to " + file);
        boolean lossless = throughput.value().map(ParleyThroughputPhase.Result::zeroLoss)
                .orElse(!config.runs("throughput"));
        return !keepKamailioDir && lossless ? 0 : 1;
    }

    private JfrProfile jfr(String file) {
        return config.profile() ? new JfrProfile(config.out().resolve(file)) : null;
    }

    private static boolean failed(Outcome<?> o) {
        return o.value().isEmpty() && !NOT_RUN.equals(o.error());
    }

    @FunctionalInterface
    private interface PhaseBody<T> {
        T run() throws Exception;
    }

    private static <T> Outcome<T> phase(PhaseBody<T> body) {
        try {
            return Outcome.of(body.run());
        } catch (Exception | AssertionError e) {
            System.err.println("bench: phase failed");
            e.printStackTrace();
            return Outcome.failed(e);
        }
    }

    private void settle() throws InterruptedException {
        Thread.sleep(config.settleSeconds() * 1000L);
    }

    private static void progress(String what) {
        System.out.println("bench: " + what);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
