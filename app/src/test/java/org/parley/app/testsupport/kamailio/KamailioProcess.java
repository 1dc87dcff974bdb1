package org.parley.app.testsupport.kamailio;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the kamailio program as a child process: started with its output appended to a log
 * file, ready once it answers OPTIONS, stopped with SIGTERM. A JVM shutdown hook stops it if the
 * JVM exits first.
 */
final class KamailioProcess {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(50);

    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;

    private KamailioProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(() -> terminate(process), "kamailio-shutdown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} in {@code dir}; stdout and stderr are appended to {@code logFile}. */
    static KamailioProcess launch(List<String> command, Path dir, Path logFile) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .start();
            return new KamailioProcess(process, logFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0) + ". " + HostTools.INSTALL_HINT, e);
        }
    }

    /**
     * Returns once an OPTIONS to {@code host}:{@code udpPort} is answered 200 by this instance (its Server
     * header ends with {@code serverTag}). Otherwise stops the process and throws: {@link PortTakenException}
     * if the port belongs to someone else, IllegalStateException with the log tail if Kamailio exits,
     * answers otherwise or stays silent for {@code timeout}.
     */
    void awaitReady(String host, int udpPort, String serverTag, Duration timeout) throws PortTakenException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                String tail = tail(logFile, 40);
                stop();
                if (tail.contains("Address already in use")) {
                    throw new PortTakenException("Kamailio could not bind its ports:\n" + tail);
                }
                String hint = tail.contains("could not find module") ? "\n" + HostTools.INSTALL_HINT : "";
                throw new IllegalStateException("Kamailio exited during start-up with code " + process.exitValue()
                        + " (log " + logFile + "):\n" + tail + hint);
            }
            Optional<SipUdp.Response> reply = SipUdp.options(host, udpPort, PROBE_INTERVAL);
            if (reply.isPresent()) {
                if (!reply.get().header("Server").orElse("").endsWith(serverTag)) {
                    stop();
                    throw new PortTakenException("another SIP server answers on udp " + udpPort);
                }
                if (reply.get().status() != 200) {
                    stop();
                    throw new IllegalStateException("Kamailio answered OPTIONS with:\n" + reply.get().text()
                            + "\n" + tail(logFile, 40));
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("Kamailio did not answer OPTIONS on udp " + udpPort + " within "
                        + timeout + " (log " + logFile + "):\n" + tail(logFile, 40));
            }
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Kamailio and waits until all its processes are gone (its ports are then free). */
    void stop() {
        terminate(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway and finds the process gone
        }
    }

    /** The last {@code lines} lines of {@code file}, "" if it does not exist. */
    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "";
        }
        try {
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /**
     * SIGTERM to the main process (it stops its workers), SIGKILL after {@link #STOP_TIMEOUT}; then
     * waits for the workers it had, killing any that outlive the main process by {@link #STOP_TIMEOUT}.
     */
    private static void terminate(Process main) {
        List<ProcessHandle> workers = main.descendants().toList();
        main.destroy();
        try {
            if (!main.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                main.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle worker : workers) {
                if (worker.isAlive()) {
                    try {
                        worker.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        worker.destroyForcibly();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            main.destroyForcibly();
            workers.forEach(ProcessHandle::destroyForcibly);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chosen ports were taken by another process before Kamailio could bind them. */
    static final class PortTakenException extends Exception {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
