package org.parley.app.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SIPp process (sip-tester) running one call of a scenario from {@code src/test/resources/sipp}, over UDP on
 * 127.0.0.1, with its message trace in {@code dir}. Keys fill the scenario's {@code [name]} keywords. The scenario
 * passing is SIPp's exit code 0. Closing kills a process still running.
 */
final class SippPeer implements AutoCloseable {
    private static final Pattern RECEIVED_REQUEST = Pattern.compile("message received \\[\\d+] bytes :\\s+(\\w+) sip:");

    private final Process process;
    private final Path messages;
    private final Path errors;
    final int port;

    private SippPeer(Process process, Path messages, Path errors, int port) {
        this.process = process;
        this.messages = messages;
        this.errors = errors;
        this.port = port;
    }

    /**
     * Starts {@code scenario}; {@code remote} ("host:port") is where it sends (empty for a scenario that only
     * answers).
     */
    static SippPeer start(String scenario, Path dir, String remote, Map<String, String> keys) throws IOException {
        Path file;
        try {
            file = Path.of(SippPeer.class.getResource("/sipp/" + scenario).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        int port = freeUdpPort();
        Path messages = dir.resolve(scenario + ".messages.log");
        Path errors = dir.resolve(scenario + ".errors.log");
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (!remote.isEmpty()) {
            command.add(remote);
        }
        command.addAll(List.of("-sf", file.toString(), "-m", "1", "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-mp", Integer.toString(freeUdpPort()), "-t", "u1", "-nostdin", "-timeout", "40s", "-timeout_error",
                "-trace_msg", "-message_file", messages.toString(), "-trace_err", "-error_file", errors.toString()));
        keys.forEach((k, v) -> command.addAll(List.of("-key", k, v)));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(scenario + ".out").toFile()).start();
        return new SippPeer(p, messages, errors, port);
    }

    /** Waits for SIPp to finish its call; its exit code (0: every step passed). */
    int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("SIPp still running after " + patience + "; messages:\n" + messages());
        }
        return process.exitValue();
    }

    /** How many requests with {@code method} SIPp has received so far. */
    int received(String method) {
        Matcher m = RECEIVED_REQUEST.matcher(messages());
        int n = 0;
        while (m.find()) {
            n += m.group(1).equals(method) ? 1 : 0;
        }
        return n;
    }

    /** The message trace and the error log, for failure messages. */
    String messages() {
        try {
            String trace = Files.exists(messages) ? Files.readString(messages) : "";
            String errs = Files.exists(errors) ? Files.readString(errors) : "";
            return trace + (errs.isEmpty() ? "" : "\n---- errors ----\n" + errs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
