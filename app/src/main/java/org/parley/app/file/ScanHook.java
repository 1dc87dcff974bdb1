package org.parley.app.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the administrator's scan command on a finished file: exit 0 is clean, anything else (including a scanner
 * that cannot be started or does not finish in time) flags the file: the hook fails closed. No shell: {@code {file}}
 * is replaced inside the arguments, so a file name cannot inject a command.
 *
 * <p>Threading: {@link #scan} blocks for as long as the scanner runs; call it on a worker, never on the core thread.
 */
public final class ScanHook {
    private static final int MAX_OUTPUT = 4096;

    private final List<String> command;
    private final Duration timeout;

    public ScanHook(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    /** The outcome of one scan. */
    public sealed interface Verdict {
        /** Exit 0, or no scan configured. */
        record Clean() implements Verdict {
        }

        /** The scanner objected or could not run; {@code detail} is its first output line or why it did not run. */
        record Flagged(String detail) implements Verdict {
        }
    }

    public boolean configured() {
        return !command.isEmpty();
    }

    public Verdict scan(Path file) {
        if (command.isEmpty()) {
            return new Verdict.Clean();
        }
        List<String> args = new ArrayList<>(command.size());
        for (String a : command) {
            args.add(a.replace("{file}", file.toAbsolutePath().toString()));
        }
        Path output;
        try {
            output = Files.createTempFile("parley-scan", ".txt"); // owner-only on POSIX (the JDK's default)
        } catch (IOException e) {
            return new Verdict.Flagged("the scanner's output file could not be created");
        }
        Process process = null;
        try {
            process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(new java.io.File("/dev/null")).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Verdict.Flagged("the scanner did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() == 0) {
                return new Verdict.Clean();
            }
            String first = firstLine(output);
            return new Verdict.Flagged("exit " + process.exitValue() + (first.isEmpty() ? "" : ": " + first));
        } catch (IOException e) {
            return new Verdict.Flagged("the scanner could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict.Flagged("the scan was interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // a leftover temp file of scanner output: harmless
            }
        }
    }

    private static String firstLine(Path output) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(output)) {
            head = in.readNBytes(MAX_OUTPUT);
        }
        return new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    }
}
