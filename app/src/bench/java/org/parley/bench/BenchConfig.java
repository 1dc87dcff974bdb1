package org.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one benchmark run. Defaults are the minimums; every one can be changed with
 * {@code -Dbench.options="name=value name=value"} (names below, unknown names are an error) and the report
 * directory with {@code -Dbench.out=DIR}.
 *
 * @param warmup          Parley latency: sequential alice→bob messages sent and discarded first (at least)
 * @param warmupSeconds   Parley latency: the warm-up goes on until this much time has passed as well (the JIT
 *                        keeps compiling for about half a minute of traffic)
 * @param latencyCount    Parley latency: measured sequential messages
 * @param senders         Parley throughput: sending cores (one user each)
 * @param receivers       Parley throughput: receiving cores; every sender writes to every receiver
 * @param window          Parley throughput: messages handed to {@code send()} and not yet SENT, per conversation
 * @param tpWarmupSeconds Parley throughput: handing out before the measured window starts (JIT, caches)
 * @param seconds         Parley throughput: the measured window; handing out stops at its end
 * @param maxMessages     Parley throughput: stop handing out earlier once this many were handed out
 * @param drainSeconds    Parley throughput: longest wait for outstanding messages after the handing out stopped
 * @param sippWarmup      SIPp latency: sequential messages discarded first
 * @param sippCount       SIPp latency: measured sequential messages
 * @param sippRates       SIPp throughput: offered rates (msg/s), tried in order until one has a failure
 * @param sippStepSeconds SIPp throughput: length of one rate step
 * @param settleSeconds   pause between load phases, so Kamailio frees finished transactions (tm wait timer 5 s)
 * @param profile         record JFR during the Parley throughput phase and summarise the hottest methods
 * @param phases          which phases run: any of "latency", "throughput", "sipp" (comma-separated); the full
 *                        set is the benchmark, fewer are for exploring settings
 * @param deadline        the runner kills its children and exits when the whole run takes longer
 * @param out             where the report and SIPp files go
 */
public record BenchConfig(int warmup, int warmupSeconds, int latencyCount, int senders, int receivers, int window,
                          int tpWarmupSeconds, int seconds,
                          int maxMessages, int drainSeconds, int sippWarmup, int sippCount, List<Integer> sippRates,
                          int sippStepSeconds, int settleSeconds, boolean profile, Set<String> phases,
                          Duration deadline, Path out) {

    private static final Set<String> NAMES = Set.of("warmup", "warmupSeconds", "latencyCount", "senders",
            "receivers", "window", "tpWarmupSeconds", "seconds", "maxMessages", "drainSeconds", "sippWarmup",
            "sippCount", "sippRates", "sippStepSeconds", "settleSeconds", "profile", "phases", "deadlineSeconds");
    private static final Set<String> PHASES = Set.of("latency", "throughput", "sipp");

    /** Reads {@code bench.options} and {@code bench.out}; throws IllegalArgumentException for a bad option. */
    public static BenchConfig fromSystemProperties() {
        Map<String, String> o = parse(System.getProperty("bench.options", ""));
        BenchConfig c = new BenchConfig(
                atLeast(o, "warmup", 500, 0), atLeast(o, "warmupSeconds", 20, 0),
                atLeast(o, "latencyCount", 2000, 10),
                atLeast(o, "senders", 4, 1), atLeast(o, "receivers", 4, 1), atLeast(o, "window", 4, 1),
                atLeast(o, "tpWarmupSeconds", 10, 0), atLeast(o, "seconds", 20, 1),
                atLeast(o, "maxMessages", 1_000_000, 1),
                atLeast(o, "drainSeconds", 60, 1),
                atLeast(o, "sippWarmup", 200, 0), atLeast(o, "sippCount", 2000, 10),
                rates(o.getOrDefault("sippRates", "500,750,1000,1500,2000,3000")),
                atLeast(o, "sippStepSeconds", 15, 1), atLeast(o, "settleSeconds", 7, 0),
                Boolean.parseBoolean(o.getOrDefault("profile", "true")),
                phases(o.getOrDefault("phases", String.join(",", PHASES))),
                Duration.ofSeconds(atLeast(o, "deadlineSeconds", 600, 30)),
                Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath());
        if (c.senders() + c.receivers() > 64) {
            throw new IllegalArgumentException("at most 64 Parley cores in one run");
        }
        return c;
    }

    private static Map<String, String> parse(String options) {
        Map<String, String> m = new HashMap<>();
        for (String item : options.trim().split("[\\s;]+")) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq);
            if (eq < 0 || !NAMES.contains(name)) {
                throw new IllegalArgumentException("bad bench option \"" + item + "\"; known: " + NAMES);
            }
            m.put(name, item.substring(eq + 1));
        }
        return m;
    }

    private static int atLeast(Map<String, String> o, String name, int def, int min) {
        int v = o.containsKey(name) ? Integer.parseInt(o.get(name)) : def;
        if (v < min) {
            throw new IllegalArgumentException("bench option " + name + " must be at least " + min);
        }
        return v;
    }

    private static List<Integer> rates(String s) {
        List<Integer> r = Arrays.stream(s.split(",")).map(String::trim).map(Integer::parseInt).toList();
        if (r.isEmpty() || r.stream().anyMatch(x -> x < 1)) {
            throw new IllegalArgumentException("sippRates must be positive rates separated by commas");
        }
        return r;
    }

    private static Set<String> phases(String s) {
        Set<String> p = Set.copyOf(Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList());
        if (p.isEmpty() || !PHASES.containsAll(p)) {
            throw new IllegalArgumentException("phases must name some of " + PHASES);
        }
        return p;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** One line for the report header. */
    public String describe() {
        return String.format("warmup=%d warmupSeconds=%d latencyCount=%d senders=%d receivers=%d window=%d "
                        + "tpWarmupSeconds=%d seconds=%d maxMessages=%d sippWarmup=%d sippCount=%d sippRates=%s "
                        + "sippStepSeconds=%d profile=%s%s", warmup, warmupSeconds, latencyCount, senders, receivers,
                window, tpWarmupSeconds, seconds, maxMessages, sippWarmup, sippCount, sippRates, sippStepSeconds,
                profile, phases.size() == PHASES.size() ? "" : " phases=" + phases);
    }
}
