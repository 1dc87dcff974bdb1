package org.parley.app.testsupport.baresip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The output of a child process, line by line: read on its own daemon thread, stripped of ANSI colour codes, kept
 * in memory and appended to a log file. Tests wait for a line with {@link #await}; the wait ends early, with a
 * failure, when the process closes its output. Thread-safe: the reader thread adds, any thread reads and waits.
 */
final class ProcessLines {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;0-9]*m");

    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private boolean ended;

    ProcessLines(InputStream output, Path logFile, String threadName) {
        reader = new Thread(() -> read(output, logFile), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream output, Path logFile) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String clean = ANSI.matcher(line).replaceAll("");
                log.write(clean);
                log.write('\n');
                log.flush();
                synchronized (this) {
                    lines.add(clean);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process went away with its pipe: the same as the end of its output
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    synchronized int count(Predicate<String> match) {
        return (int) lines.stream().filter(match).count();
    }

    /**
     * Waits until more than {@code seen} lines match {@code match} and returns the first one after those.
     *
     * @throws AssertionError on timeout or when the output ends first, with the last lines in the message
     */
    synchronized String await(Predicate<String> match, int seen, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int found = 0;
            for (String line : lines) {
                if (match.test(line) && found++ == seen) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError((ended ? "output ended" : "timed out after " + timeout) + " waiting for "
                        + what + "; last lines:\n  " + String.join("\n  ", tail(40)));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    synchronized List<String> tail(int count) {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** Waits (bounded) for the reader to finish after the process has exited. */
    void join(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
    }
}
