package org.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of this JVM (the JDK's "profile" settings, Java stacks sampled every 2 ms), kept as a file
 * and summarised over an interval ({@link #from} to {@link #stop}): which threads ran Java code, which
 * component's code it was (the innermost non-JDK frame decides), which Parley method it ran under (the
 * innermost {@code org.parley} frame: the Parley call that led to the work), the hottest frames, and GC
 * pauses. Starting a recording takes a while, hence the separate interval start. Used once, by one thread.
 */
final class JfrProfile {

    /** Counts are samples; shares are of {@code javaSamples}. */
    record Summary(Path file, long javaSamples, Map<String, Long> threads, Map<String, Long> components,
                   Map<String, Long> parleyFrames, Map<String, Long> topFrames, long gcPauses,
                   Duration longestGcPause, Duration totalGcPause) {
    }

    private static final int TOP = 10;
    private final Path file;
    private Recording recording;
    private Instant from = Instant.MIN;

    JfrProfile(Path file) {
        this.file = file;
    }

    void start() {
        try {
            recording = new Recording(Configuration.getConfiguration("profile"));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("JFR profile settings unavailable", e);
        }
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
        recording.start();
    }

    /** Samples before {@code start} are left out of the summary. */
    void from(Instant start) {
        from = start;
    }

    /** Stops recording; the summary covers events from {@link #from} to {@code end}. */
    Summary stop(Instant end) {
        recording.stop();
        try {
            recording.dump(file);
            recording.close();
            Map<String, Long> threads = new HashMap<>();
            Map<String, Long> components = new HashMap<>();
            Map<String, Long> parley = new HashMap<>();
            Map<String, Long> top = new HashMap<>();
            long samples = 0;
            long pauses = 0;
            Duration longest = Duration.ZERO;
            Duration total = Duration.ZERO;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(end)) {
                    continue;
                }
                String type = e.getEventType().getName();
                if (type.equals("jdk.GCPhasePause")) {
                    pauses++;
                    total = total.plus(e.getDuration());
                    longest = e.getDuration().compareTo(longest) > 0 ? e.getDuration() : longest;
                }
                RecordedStackTrace st = e.getStackTrace();
                if (!type.equals("jdk.ExecutionSample") || st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                RecordedThread t = e.getThread("sampledThread");
                threads.merge(t == null ? "?" : ResourceProbe.groupOf(t.getJavaName()), 1L, Long::sum);
                List<RecordedFrame> frames = st.getFrames();
                components.merge(component(frames), 1L, Long::sum);
                parley.merge(innermostParley(frames), 1L, Long::sum);
                top.merge(name(frames.get(0)), 1L, Long::sum);
            }
            return new Summary(file, samples, top(threads), top(components), top(parley), top(top), pauses, longest,
                    total);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + file, e);
        }
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static String innermostParley(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String c = f.getMethod().getType().getName();
            if (c.startsWith("org.parley.") && !c.startsWith("org.parley.bench.")) {
                return name(f);
            }
        }
        return "none";
    }

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String c = f.getMethod().getType().getName();
            if (c.startsWith("gov.nist") || c.startsWith("javax.sip")) {
                return "jain-sip";
            } else if (c.startsWith("org.sqlite")) {
                return "sqlite-jdbc";
            } else if (c.startsWith("org.parley.storage")) {
                return "parley storage";
            } else if (c.startsWith("org.parley.bench")) {
                return "benchmark driver";
            } else if (c.startsWith("org.parley")) {
                return "parley app";
            } else if (c.startsWith("ch.qos.logback") || c.startsWith("org.slf4j")) {
                return "logging";
            } else if (c.startsWith("org.bouncycastle")) {
                return "bouncycastle";
            } else if (!isJdk(c)) {
                return "other library";
            }
        }
        return "JDK only";
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") && !className.startsWith("javax.sip")
                || className.startsWith("jdk.") || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    private static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }
}
