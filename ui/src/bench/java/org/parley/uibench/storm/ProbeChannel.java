package org.parley.uibench.storm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The runner's side of the line protocol with a {@link StormProbe} child: commands to its stdin, its stdout lines
 * queued (and copied to a log file). Thread-safe for one caller.
 */
final class ProbeChannel implements AutoCloseable {
    private static final String EOF = "\u0000EOF";
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    ProbeChannel(List<String> command, Path stderr, Path stdoutCopy) throws IOException {
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Files.writeString(stdoutCopy, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child ended; EOF below tells the waiter
            }
            lines.add(EOF);
        }, "probe-reader");
        reader.setDaemon(true);
        reader.start();
    }

    long pid() {
        return process.pid();
    }

    /** CPU time of the child so far (ms). */
    long cpuMs() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    }

    void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    /** The next line starting with {@code prefix} (earlier lines are skipped); fails after {@code seconds}. */
    String await(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                throw new IllegalStateException("the probe " + (line == null ? "did not say " : "ended before ")
                        + prefix + " (see probe-stderr.log)");
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Every line up to (not including) the one starting with {@code end}. */
    List<String> until(String end, long seconds) throws InterruptedException {
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                throw new IllegalStateException("the probe did not say " + end);
            }
            if (line.startsWith(end)) {
                return got;
            }
            got.add(line);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("quit");
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
