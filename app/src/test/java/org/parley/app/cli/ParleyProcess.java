package org.parley.app.cli;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.parley.app.logging.LogFiles;

/**
 * {@code parley} as a real child JVM, started from the test JVM's own class path (so it works in the Maven
 * test phase, before the jar exists). Stdout lines are collected by a reader thread; stderr goes to a file.
 * Always {@link #close()} it (kills a process that is still running).
 */
final class ParleyProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Path stderr;
    private final OutputStream stdin;

    private ParleyProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::readStdout, "stdout-of-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code parley --data-dir DIR --passphrase-env PP --bind 127.0.0.1 args…} with {@code env} added. */
    static ParleyProcess start(String name, Path work, Map<String, String> env, String... args) throws IOException {
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + ParleyMain.LOG_DIR_PROPERTY + "=" + work.resolve("logs")));
        // Parley's own logging, not the logback-test.xml on the test class path: stdout must stay the protocol's
        command.add("-D" + LogFiles.BUILT_IN_PROPERTY + "=true");
        command.add(ParleyMain.class.getName());
        command.addAll(List.of("--data-dir", work.resolve("data").toString(), "--passphrase-env", "PP",
                "--bind", "127.0.0.1"));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(work, name + "-", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        return new ParleyProcess(name, builder.start(), stderr);
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                stdout.add(line);
            }
        } catch (IOException e) {
            // process gone
        }
    }

    void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not take input any more:\n" + describe(), e);
        }
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    List<String> lines() {
        return List.copyOf(stdout);
    }

    /** Waits for a JSON event line matching {@code match} and returns it. */
    JsonNode awaitEvent(String what, Duration timeout, Predicate<JsonNode> match) {
        return await(name + ": " + what).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .failFast(name + " exited early", () -> !process.isAlive() && lines().stream().map(LineCapture::parse)
                        .noneMatch(match))
                .until(() -> lines().stream().map(LineCapture::parse).filter(match).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit code; null on timeout. */
    Integer exitCode(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /** Everything useful for a failure message. */
    String describe() {
        return "---- " + name + " stdout ----\n" + String.join("\n", lines()) + "\n---- " + name + " stderr ----\n"
                + stderr();
    }

    /** Kills the process if it still runs (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
