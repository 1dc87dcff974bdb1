package org.parley.uibench.storm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parley.app.testsupport.kamailio.KamailioServer;

/**
 * The 2,000-contact presence NOTIFY storm (issue 4), through the real test Kamailio: 2,000 presentities publish an
 * initial state, Parley's desktop app (child JVM, {@link StormProbe}) watches all of them from one account, and
 * once every subscription has delivered its first NOTIFY, {@link PublishStorm} sends 200 PUBLISH/s for 60 s spread
 * at random over the presentities; Kamailio turns each into a NOTIFY to Parley. Measures NOTIFYs handled per second
 * (core and FX thread), FX-thread stalls, memory and CPU, and checks that every row ends showing the last accepted
 * publication. Not a test. Run under Xvfb (docs/benchmarks.md, "Presence storm").
 *
 * <p>Settings (system properties): {@code storm.contacts} (2000), {@code storm.rate} (200), {@code storm.seconds}
 * (60), {@code storm.seed} (1), {@code storm.jfr} (true: JFR profile of the probe), {@code storm.probeJvm}
 * (extra probe JVM options), {@code storm.kamailioChildren} (0: the shared config's UDP workers; n: this run's
 * copy of the config gets {@code children=n}). Report: {@code <bench.out>/storm/storm-report.txt}.
 */
public final class StormBench {
    private StormBench() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = Integer.getInteger("storm.contacts", 2000);
        double rate = Double.parseDouble(System.getProperty("storm.rate", "200"));
        int seconds = Integer.getInteger("storm.seconds", 60);
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath().resolve("storm");
        deleteTree(out);
        Files.createDirectories(out);
        Report report = new Report(out.resolve("storm-report.txt"));
        report.line("Presence storm: %d contacts, %.0f PUBLISH/s for %d s; %s, %d cores; load average %s", contacts,
                rate, seconds, System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
                loadAverage());
        List<String> users = StormSetup.presentities(contacts);
        try (KamailioServer kamailio = KamailioServer.builder().build(KamailioServer.newWorkDir("storm"))) {
            int children = Integer.getInteger("storm.kamailioChildren", 0);
            if (children > 0) {
                // this run's own copy of the config only; the shared parley-test.cfg says children=2
                Path cfg = kamailio.workDir().resolve("parley-test.cfg");
                Files.writeString(cfg, Files.readString(cfg).replace("\nchildren=2\n", "\nchildren=" + children + "\n"));
                report.line("Kamailio: children=%d (this run's copy of the config)", children);
            }
            kamailio.start();
            long kamailioPid = Long.parseLong(Files.readString(kamailio.workDir().resolve("run/kamailio.pid")).trim());
            List<String> all = new ArrayList<>(users);
            all.add(StormSetup.WATCHER);
            StormSetup.addUsers(kamailio, all);
            try (PublishStorm load = new PublishStorm(kamailio.host(), kamailio.udpPort(), kamailio.domain(), users);
                 AutoCloseable keepLog = () -> Files.copy(kamailio.logFile(), out.resolve("kamailio.log"))) {
                report.line("states published (those that survive Parley's own PIDF round trip): %s", load.states());
                PublishStorm.Run initial = load.publishEach(Math.max(rate, 200));
                report.line("initial documents: %d presentities published in %.1f s; %s", load.accepted().size(),
                        initial.took().toMillis() / 1000.0, load.counters());
                Path profile = out.resolve("profile");
                StormSetup.watcherProfile(profile, kamailio, users);
                try (ProbeChannel probe = new ProbeChannel(probeCommand(out, profile, contacts),
                        out.resolve("probe-stderr.log"), out.resolve("probe-stdout.log"))) {
                    measure(report, probe, load, kamailio, kamailioPid, rate, seconds, out);
                }
            }
            report.line("Kamailio RSS at the end (all processes): %,d KiB", ProcStats.treeRssKib(kamailioPid));
        }
        report.line("load average at the end: %s", loadAverage());
        System.exit(0);
    }

    private static void measure(Report report, ProbeChannel probe, PublishStorm load, KamailioServer kamailio,
                                long kamailioPid, double rate, int seconds, Path out) throws Exception {
        long launched = System.nanoTime();
        probe.await("SHOWN", 240);
        report.line("desktop up, all contact rows shown: %.1f s after launch",
                (System.nanoTime() - launched) / 1e9);
        String active = probe.await("ACTIVE", 360);
        report.line("paced start (core.start() until every contact's first NOTIFY; on the FX thread): %s",
                active.substring(7));
        probe.send("mem before");
        report.line("memory before the storm: %s", probe.await("MEM", 60).substring(4));

        double kamailioCpu0 = ProcStats.treeCpuMs(kamailioPid);
        long probeCpu0 = probe.cpuMs();
        probe.send("begin");
        probe.await("BEGUN", 60);
        PublishStorm.Run storm = load.storm(rate, Duration.ofSeconds(seconds), Long.getLong("storm.seed", 1));
        long drained = awaitQuiet(probe);
        probe.send("end");
        List<String> ended = probe.until("ENDDONE", 120);
        double kamailioCpu = ProcStats.treeCpuMs(kamailioPid) - kamailioCpu0;
        long probeCpu = probe.cpuMs() - probeCpu0;
        double window = storm.took().toMillis() + drained;

        report.line("");
        report.line("PUBLISH sent per second: %s", stats(storm.sent(), seconds));
        report.line("PUBLISH accepted (200) per second: %s", stats(storm.accepted(), seconds));
        report.line("generator counters (whole run): %s", load.counters());
        report.line("last PUBLISH answered %.1f s after the start; Parley quiet %d ms later",
                storm.took().toMillis() / 1000.0, drained);
        for (String line : ended) {
            if (line.startsWith("PERSECOND ")) {
                String[] f = line.split(" ");
                int[] v = Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
                report.line("PresenceChanged per second, %s: %s", f[1].equals("core") ? "emitted by the core"
                        : "applied on the FX thread", stats(v, seconds));
                report.line("  per second: %s", f[2]);
            } else if (line.startsWith("ENDED ")) {
                report.line("events in the window: %s", line.substring(6));
            } else if (line.startsWith("PULSE ")) {
                report.line("FX pulse interval during the storm: %s", line.substring(6));
            } else if (line.startsWith("LATENESS ")) {
                report.line("FX runLater lateness during the storm (every 10 ms): %s", line.substring(9));
            } else if (line.startsWith("STACK ")) {
                report.line("FX stall stack sample (FX thread while a ping waited > %d ms): %s",
                        FxStallMeter.SAMPLE_AFTER_MS, line.substring(6).replace("\\n", "\n"));
            }
        }
        report.line("CPU during the storm window (%.1f s): Parley JVM %.0f %% of one core, Kamailio %.0f %%",
                window / 1000, 100.0 * probeCpu / window, 100.0 * kamailioCpu / window);
        probe.send("mem after");
        report.line("memory after the storm: %s", probe.await("MEM", 60).substring(4));

        StateCheck check = null;
        for (int i = 0; i < 10; i++) {
            Path dump = out.resolve("shown-" + i + ".tsv");
            probe.send("dump " + dump);
            probe.await("DUMPED", 60);
            check = StateCheck.of(dump, kamailio.domain(), load.accepted(), load.uncertain());
            if (check.wrong() == 0) {
                break;
            }
            report.line("check %d: %s", i, check.summary());
            Thread.sleep(1000);
        }
        report.line("NO LOST STATE: %s -> %s", check.summary(), check.wrong() == 0 ? "PASS" : "FAIL");
        for (String e : check.examples()) {
            report.line("  %s", e);
        }
    }

    /** Waits until the probe's event counts stop moving and the FX thread has caught up; returns the ms waited. */
    private static long awaitQuiet(ProbeChannel probe) throws Exception {
        long t0 = System.nanoTime();
        String last = "";
        long lastChange = t0;
        while (System.nanoTime() - t0 < 30_000_000_000L) {
            probe.send("count");
            String now = probe.await("COUNT", 30);
            String[] f = now.split("[ =]");
            boolean caughtUp = f[2].equals(f[4]);
            if (!now.equals(last)) {
                last = now;
                lastChange = System.nanoTime();
            } else if (caughtUp && System.nanoTime() - lastChange > 1_000_000_000L) {
                return (lastChange - t0) / 1_000_000;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static List<String> probeCommand(Path out, Path profile, int contacts) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dprism.order=sw", "-XX:SoftRefLRUPolicyMSPerMB=0", "-Dparley.log.dir=" + out.resolve("logs")));
        if (Boolean.parseBoolean(System.getProperty("storm.jfr", "true"))) {
            c.add("-XX:StartFlightRecording=filename=" + out.resolve("probe.jfr") + ",settings=profile");
        }
        for (String option : System.getProperty("storm.probeJvm", "").split(" ")) {
            if (!option.isBlank()) {
                c.add(option);
            }
        }
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), StormProbe.class.getName(),
                profile.toString(), StormSetup.PASSPHRASE, Integer.toString(contacts)));
        return c;
    }

    /** "mean m/s, min n/s (second k)" over the first {@code seconds} full seconds. */
    private static String stats(int[] perSecond, int seconds) {
        int n = Math.min(seconds, perSecond.length);
        long sum = 0;
        int min = Integer.MAX_VALUE;
        int minAt = -1;
        int max = 0;
        for (int s = 0; s < n; s++) {
            sum += perSecond[s];
            max = Math.max(max, perSecond[s]);
            if (perSecond[s] < min) {
                min = perSecond[s];
                minAt = s;
            }
        }
        return String.format("mean %.1f/s, min %d/s (second %d), max %d/s over %d s", sum / (double) n, min, minAt,
                max, n);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The report: to stdout and to a file, line by line (so a failed run keeps what it measured). */
    private record Report(Path file) {
        void line(String format, Object... args) throws Exception {
            String text = String.format(format, args) + "\n";
            System.out.print(text);
            System.out.flush();
            Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }
}
