package org.parley.ui.handoff;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop instance per profile. The first launch takes the {@link InstanceLock} ({@code instance.lock} in the
 * profile directory) and serves the hand-off socket; later launches find the lock taken and pass their link (or
 * "show yourself") to it over the socket. The socket lives in {@code $XDG_RUNTIME_DIR/parley-<hash of the profile
 * path>/} when that variable holds an absolute path, else in {@code <profile>/run/}; both are
 * {@link PrivateDirectory private directories}. Thread-safe (stateless).
 */
public final class SingleInstance {
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    /** How long a second launch waits for a first one that is still starting its socket. */
    static final Duration CONNECT_PATIENCE = Duration.ofSeconds(5);
    private static final int MAX_SOCKET_PATH = 100; // sun_path holds 108 bytes on Linux, with its NUL

    /** Where one profile's lock and socket are. */
    public record Paths(Path lockFile, Path socket) {
        public static Paths of(Path profileDir, UnaryOperator<String> env) {
            Path profile = profileDir.toAbsolutePath().normalize();
            String runtime = env.apply("XDG_RUNTIME_DIR");
            Path dir = runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute()
                    ? Path.of(runtime).resolve("parley-" + hash(profile.toString()))
                    : profile.resolve("run");
            return new Paths(profile.resolve("instance.lock"), dir.resolve("handoff.sock"));
        }
    }

    private SingleInstance() {
    }

    /**
     * Takes the lock (creating the profile directory, 0700, if needed).
     *
     * @return the lock when this is the first instance, empty when another holds it
     */
    public static Optional<InstanceLock> claim(Paths paths) throws IOException {
        PrivateDirectory.prepare(paths.lockFile().getParent());
        return InstanceLock.tryAcquire(paths.lockFile());
    }

    /** The first instance: prepares the socket's directory and starts serving. */
    public static HandoffServer serve(Paths paths, Function<HandoffMessage.Request, HandoffMessage.Reply> handler)
            throws IOException {
        if (paths.socket().toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IOException("The hand-off socket path is too long: " + paths.socket());
        }
        PrivateDirectory.prepare(paths.socket().getParent());
        return HandoffServer.start(paths.socket(), handler);
    }

    /**
     * A later instance: delivers {@code request}, retrying for {@link #CONNECT_PATIENCE} while the first instance
     * has the lock but no socket yet.
     *
     * @throws IOException when the running instance cannot be reached or does not answer
     */
    public static HandoffMessage.Reply deliver(Paths paths, HandoffMessage.Request request) throws IOException {
        long deadline = System.nanoTime() + CONNECT_PATIENCE.toNanos();
        while (true) {
            try {
                return HandoffClient.send(paths.socket(), request, HandoffServer.CLIENT_TIMEOUT);
            } catch (SocketException | java.nio.file.NoSuchFileException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new IOException("Parley is running but its hand-off socket does not answer ("
                            + e.getMessage() + ").", e);
                }
                LOG.debug("hand-off not ready yet: {}", e.toString());
                try {
                    Thread.sleep(50); // polling a socket that is not there yet; no event to wait for
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for the running Parley.", interrupted);
                }
            }
        }
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
