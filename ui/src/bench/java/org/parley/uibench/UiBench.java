package org.parley.uibench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The desktop benchmarks of the UI issue, each probe in a fresh JVM under the same display (run under Xvfb;
 * docs/benchmarks.md): cold start against a bare JavaFX window, idle memory with 500 contacts and 10k messages
 * against the bare window, memory after opening and closing 50 chats, and the first paint of a 100k-message
 * conversation. Bare and Parley runs alternate so that machine noise hits both. Not a test.
 */
public final class UiBench {
    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path data = out.resolve("data");
        BenchData.deleteIfStale(data, "v2");
        long t0 = System.nanoTime();
        Path contacts = BenchData.contactsProfile(data);
        Path big = BenchData.bigProfile(data);
        System.out.printf("data ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<Map<String, Long>> bare = new ArrayList<>();
        List<Map<String, Long>> parley = new ArrayList<>();
        List<Map<String, Long>> bigRuns = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            bare.add(run(out, "org.parley.uibench.BareWindowProbe"));
            parley.add(run(out, "org.parley.uibench.DesktopProbe", "startup", contacts.toString()));
            bigRuns.add(run(out, "org.parley.uibench.DesktopProbe", "big", big.toString()));
            System.out.printf("round %d: bare %s | parley %s | big %s%n", r + 1, bare.get(r), parley.get(r), bigRuns.get(r));
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format("UI benchmark, %d rounds (median [min–max]); %s, %d cores; Parley JVM options: %s%n",
                rounds, System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("bench.parleyJvm", "(none)")));
        long bareStart = median(bare, "startMs");
        long unlock = median(parley, "unlockMs");
        long ready = median(parley, "startMs");
        report.append(line("bare window: start to painted (ms)", bare, "startMs"));
        report.append(line("Parley: start to unlock screen painted (ms)", parley, "unlockMs"));
        report.append(line("Parley: start to contact list of 500 painted, incl. unlock (ms)", parley, "startMs"));
        report.append(String.format("  ratio unlock screen / bare = %.2f; contact list / bare = %.2f (goal <= 1.3)%n",
                unlock / (double) bareStart, ready / (double) bareStart));
        report.append(line("bare window: idle RSS (KiB)", bare, "rss"));
        report.append(line("Parley, 500 contacts + 10k messages: idle RSS (KiB)", parley, "rss"));
        report.append(String.format("  ratio RSS Parley / bare = %.2f (goal <= 1.4)%n",
                median(parley, "rss") / (double) median(bare, "rss")));
        report.append(line("bare window: heap after GC (KiB)", bare, "heap"));
        report.append(line("Parley: heap after GC, idle (KiB)", parley, "heap"));
        report.append(line("Parley: heap after GC, after opening and closing 50 chats (KiB)", parley, "heapAfter50"));
        report.append(line("Parley: heap after GC, after 50 more (KiB)", parley, "heapAfterChats"));
        report.append(line("Parley: RSS after opening and closing 100 chats (KiB)", parley, "rssAfterChats"));
        report.append(line("10-message conversation, first chat opened in the JVM: open to first paint (ms)", bigRuns,
                "smallCold"));
        report.append(line("100k-message conversation, opened second: open to first paint (ms)", bigRuns, "openToPaint"));
        report.append(line("100k-message conversation: of which reading the newest page on the FX thread (ms)", bigRuns,
                "openCall"));
        report.append(line("100k-message conversation: messages loaded at first paint", bigRuns, "loaded"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("ui-report.txt"), report);
        System.out.print(report);
        System.exit(0);
    }

    private static Map<String, Long> run(Path out, String main, String... args) throws Exception {
        // Soft references are cleared at every GC, so "heap after GC" is what is really retained (JavaFX keeps
        // effect images softly referenced; they would otherwise look like a leak).
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dprism.order=sw", "-XX:SoftRefLRUPolicyMSPerMB=0", "-Dparley.log.dir=" + out.resolve("logs")));
        if (main.endsWith("DesktopProbe")) {
            // The options the packaged launcher gives Parley (packaging/pom.xml, jpackage --java-options).
            for (String option : System.getProperty("bench.parleyJvm", "").split(" ")) {
                if (!option.isBlank()) {
                    command.add(option);
                }
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        long launched = System.currentTimeMillis();
        Process p = new ProcessBuilder(command).redirectError(out.resolve("probe-stderr.log").toFile()).start();
        Map<String, Long> result = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    for (String field : line.substring(7).split(" ")) {
                        String[] kv = field.split("=");
                        result.put(kv[0], Long.parseLong(kv[1]));
                    }
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || result.isEmpty()) {
            p.destroyForcibly();
            throw new IllegalStateException(main + " " + String.join(" ", args) + " gave no result; see "
                    + out.resolve("probe-stderr.log"));
        }
        if (result.containsKey("ready")) {
            result.put("startMs", result.remove("ready") - launched);
        }
        if (result.containsKey("unlockShown")) {
            result.put("unlockMs", result.remove("unlockShown") - launched);
        }
        return result;
    }

    private static long median(List<Map<String, Long>> runs, String key) {
        List<Long> v = runs.stream().map(m -> m.get(key)).sorted().toList();
        return v.get(v.size() / 2);
    }

    private static String line(String what, List<Map<String, Long>> runs, String key) {
        List<Long> v = runs.stream().map(m -> m.get(key)).sorted().toList();
        return String.format("%-80s %,10d  [%,d–%,d]%n", what, median(runs, key), v.get(0), v.get(v.size() - 1));
    }
}
