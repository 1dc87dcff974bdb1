package org.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the results of one run as the compact text report (stdout and message-report.txt). */
final class Report {
    static final double LATENCY_TARGET_RATIO = 1.5;
    static final double THROUGHPUT_TARGET = 2000;

    /** Facts about the environment, gathered before the phases. */
    record Setting(int cpus, String loadAtStart, String kamailio, String sharedMemoryMb, BenchConfig config) {
    }

    private final List<String> lines = new ArrayList<>();

    String render(Setting s, Outcome<ParleyLatencyPhase.Result> latency,
                  Outcome<ParleyThroughputPhase.Result> throughput, Outcome<SippBaseline.Result> sipp) {
        add("Parley MESSAGE benchmark  " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        add("machine: %d CPUs, load average at start %s; %s, shared memory -m %s MB", s.cpus(), s.loadAtStart(),
                s.kamailio(), s.sharedMemoryMb());
        add("options: " + s.config().describe());
        add("");
        latency(s.config(), latency);
        add("");
        throughput(throughput);
        add("");
        sipp(s.config(), sipp);
        add("");
        targets(latency, throughput, sipp);
        return String.join("\n", lines) + "\n";
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void latency(BenchConfig c, Outcome<ParleyLatencyPhase.Result> o) {
        add("[1] Parley latency alice -> bob (two cores in this JVM, UDP), sequential; warm-up >= %d messages and "
                + ">= %d s, measured %d", c.warmup(), c.warmupSeconds(), c.latencyCount());
        if (o.value().isEmpty()) {
            add(missing(o));
            return;
        }
        ParleyLatencyPhase.Result r = o.value().get();
        add("    send() -> SENT      " + r.total().summary());
        add("      send() -> QUEUED  " + brief(r.toQueued()) + "   outbox row committed");
        add("      QUEUED -> bob     " + brief(r.toDelivered()) + "   MESSAGE via Kamailio, bob commits, answers 200");
        add("      bob -> SENT       " + brief(r.toSent()) + "   200 via Kamailio, alice commits the state");
        add("    warm-up was %d messages; bob received all %d texts, each once", r.warmedUp(), r.received());
        usage(r.usage(), c.latencyCount());
        add("    parts alone: SIP one way without storage (alice setComposing -> bob TypingChanged) "
                + brief(r.typingOneWay()) + "; one storage commit (appendIncoming, fresh profile) "
                + brief(r.commit()));
    }

    private void throughput(Outcome<ParleyThroughputPhase.Result> o) {
        if (o.value().isEmpty()) {
            add("[2] Parley throughput");
            add(missing(o));
            return;
        }
        ParleyThroughputPhase.Result r = o.value().get();
        add("[2] Parley throughput: %d senders x %d receivers = %d conversations, window %d per conversation; "
                + "warm-up %d s, then measured %d s", r.senders(), r.receivers(), r.senders() * r.receivers(),
                r.window(), r.warmupSeconds(), r.seconds());
        add("    measured window: SENT %.0f msg/s, received %.0f msg/s", r.sentRate(), r.receivedRate());
        add("    whole phase: handed out %d, SENT %d, FAILED %d, stored offline %d, unfinished %d, send() errors %d; "
                        + "%.0f msg/s from first send to last SENT (%.1f s), last received at %.1f s",
                r.handedOut(), r.sent(), r.failed(), r.storedOffline(), r.unfinished(), r.sendErrors(),
                r.overallRate(), r.lastSentNanos() / 1e9, r.lastReceivedNanos() / 1e9);
        int[] perSecond = r.sentPerSecond().clone();
        if (perSecond.length > 0) {
            String series = Arrays.stream(perSecond).mapToObj(Integer::toString).collect(Collectors.joining(" "));
            add("    SENT per second (warm-up first): " + series);
            slowSeconds(r);
        }
        add("    loss check: SENT ids = handed-out ids: %s; receivers got %d of %d, missing %d, unexpected %d, "
                        + "duplicates %d -> %s", r.idsMatch() ? "yes" : "NO", r.received(), r.handedOut(),
                r.missing(), r.unexpected(), r.duplicates(), r.zeroLoss() ? "ZERO LOSS" : "LOSS");
        add("    order: %d deliveries out of order within a conversation; Parley re-sends scheduled %d; Kamailio "
                + "transactions refused for lack of shared memory %d", r.outOfOrder(), r.parleyRetries(),
                r.kamailioOutOfMemory());
        r.reasons().forEach(why -> add("    ! " + why));
        usage(r.usage(), r.sentInWindow());
    }

    /** The three slowest whole seconds of the measured window, split by sender and receiver. */
    private void slowSeconds(ParleyThroughputPhase.Result r) {
        int[] all = r.sentPerSecond();
        java.util.stream.IntStream.range(r.warmupSeconds(), Math.min(all.length, r.warmupSeconds() + r.seconds()))
                .boxed().sorted(java.util.Comparator.comparingInt(i -> all[i])).limit(3).sorted()
                .forEach(i -> add("      slow second %d: SENT %d; by sender %s; received by receiver %s", i, all[i],
                        column(r.sentBySender(), i), column(r.receivedByReceiver(), i)));
    }

    private static String column(int[][] rows, int i) {
        return Arrays.stream(rows).map(row -> i < row.length ? Integer.toString(row[i]) : "-")
                .collect(Collectors.joining("/"));
    }

    private void usage(ResourceProbe.Usage u, long messages) {
        double perMsg = messages == 0 ? 0 : 1.0 / messages / 1000;
        add("    CPU in the measured part, %.1f s wall (%d CPUs = %d%%): this JVM %.0f%% (%.0f us/msg), "
                        + "Kamailio %.0f%% (%.0f us/msg), other processes %.0f%%", u.wallNanos() / 1e9, u.cpus(),
                u.cpus() * 100, u.share(u.jvmNanos()), u.jvmNanos() * perMsg, u.share(u.kamailioNanos()), u.kamailioNanos() * perMsg,
                u.share(u.otherNanos()));
        long listed = u.jvmThreadGroups().values().stream().mapToLong(Long::longValue).sum();
        add("    JVM threads: " + u.jvmThreadGroups().entrySet().stream().limit(9)
                .map(e -> String.format("%s %.0f%%", e.getKey(), u.share(e.getValue())))
                .collect(Collectors.joining(", "))
                + String.format("; not attributed (ended threads, rounding) %.0f%%",
                u.share(Math.max(0, u.jvmNanos() - listed))));
        add("    storage writers: %.0f%% user + %.0f%% kernel (%.0f + %.0f us/msg); GC: %d collections, %.0f ms; "
                        + "JIT: %.0f ms of compilation (elapsed, all compiler threads)", u.share(u.storageUserNanos()),
                u.share(u.storageKernelNanos()), u.storageUserNanos() * perMsg, u.storageKernelNanos() * perMsg,
                u.gcCount(), u.gcNanos() / 1e6, u.jitNanos() / 1e6);
        u.profile().ifPresent(p -> {
            add("    JFR %s: %d Java samples (threads running Java code, every 2 ms); GC pauses %d, longest %.1f ms, "
                            + "total %.0f ms", p.file().getFileName(), p.javaSamples(), p.gcPauses(),
                    p.longestGcPause().toNanos() / 1e6, p.totalGcPause().toNanos() / 1e6);
            add("      by thread: " + shares(p.threads(), p.javaSamples()));
            add("      by component: " + shares(p.components(), p.javaSamples()));
            add("      by innermost Parley frame (none: jain-sip's own threads): "
                    + shares(p.parleyFrames(), p.javaSamples()));
            add("      hottest frames: " + shares(p.topFrames(), p.javaSamples()));
        });
    }

    private void sipp(BenchConfig c, Outcome<SippBaseline.Result> o) {
        add("[3] SIPp baseline: sippuac -> Kamailio -> sippuas (UDP); sequential, warm-up %d, measured %d",
                c.sippWarmup(), c.sippCount());
        if (o.value().isEmpty()) {
            add(missing(o));
            return;
        }
        SippBaseline.Result r = o.value().get();
        add("    full MESSAGE (407, authenticated retry, 200; 2 round trips)  " + r.full().summary());
        add("    authenticated MESSAGE -> 200 (1 round trip)                 " + r.authenticated().summary());
        add("    throughput, each offered rate for %d s:", c.sippStepSeconds());
        for (SippBaseline.Step s : r.steps()) {
            add("      %5d msg/s: %s %d/%d calls ok, %d failed, %d retransmissions, %.1f s; Kamailio out-of-memory "
                            + "%d", s.rate(), s.ok() ? "ok    " : "FAILED", s.succeeded(), s.calls(), s.failed(),
                    s.retransmissions(), s.seconds(), s.kamailioOutOfMemory());
        }
        add("    highest offered rate without a failure: %d msg/s", r.zeroFailureRate());
    }

    private void targets(Outcome<ParleyLatencyPhase.Result> latency, Outcome<ParleyThroughputPhase.Result> tp,
                         Outcome<SippBaseline.Result> sipp) {
        add("Targets");
        if (latency.value().isPresent() && sipp.value().isPresent()) {
            long parley = latency.value().get().total().percentile(50);
            long full = sipp.value().get().full().percentile(50);
            long one = sipp.value().get().authenticated().percentile(50);
            double ratio = (double) parley / full;
            add("    latency: Parley p50 %s / SIPp p50 %s = %.2fx (target <= %.1fx): %s; against SIPp's "
                            + "1-round-trip p50 %s: %.2fx", Latencies.ms(parley), Latencies.ms(full), ratio,
                    LATENCY_TARGET_RATIO, ratio <= LATENCY_TARGET_RATIO ? "PASS" : "MISS", Latencies.ms(one),
                    (double) parley / one);
        } else {
            add("    latency: not comparable (a phase did not run or failed)");
        }
        if (tp.value().isPresent()) {
            ParleyThroughputPhase.Result r = tp.value().get();
            boolean pass = r.zeroLoss() && r.sentRate() >= THROUGHPUT_TARGET;
            add("    throughput: Parley %.0f msg/s, %s (target >= %.0f msg/s, none lost): %s%s", r.sentRate(),
                    r.zeroLoss() ? "none lost" : "LOSS", THROUGHPUT_TARGET, pass ? "PASS" : "MISS",
                    sipp.value().map(s -> String.format("; SIPp through the same Kamailio: %d msg/s without failure",
                            s.zeroFailureRate())).orElse(""));
            if (r.kamailioOutOfMemory() > 0) {
                add("    note: Kamailio refused %d transactions for lack of shared memory (-m above) during Parley's "
                        + "phase; Parley re-sent them after 1 s, so the proxy, not Parley, set the pace then",
                        r.kamailioOutOfMemory());
            }
        } else {
            add("    throughput: no result");
        }
    }

    private static String missing(Outcome<?> o) {
        return "not run".equals(o.error()) ? "    (not run)" : "    FAILED: " + o.error();
    }

    private static String brief(Latencies l) {
        return String.format("p50 %s  p99 %s", Latencies.ms(l.percentile(50)), Latencies.ms(l.percentile(99)));
    }

    private static String shares(Map<String, Long> counts, long total) {
        return counts.entrySet().stream()
                .map(e -> String.format("%s %.0f%%", e.getKey(), total == 0 ? 0 : 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    private void add(String format, Object... args) {
        lines.add(args.length == 0 ? format : String.format(format, args));
    }
}
