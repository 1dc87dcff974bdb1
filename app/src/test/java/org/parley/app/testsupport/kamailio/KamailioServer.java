package org.parley.app.testsupport.kamailio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A real Kamailio 5.6 (registrar, presence, offline messages, TLS) on 127.0.0.1, run as a child
 * process from its own working directory with the config {@code kamailio/parley-test.cfg}.
 * <p>
 * {@link Builder#build} prepares the working directory (config, fresh sqlite DB with users
 * alice/alicepw, bob/bobpw, carol/carolpw, dave/davepw in domain 127.0.0.1, a fresh self-signed
 * certificate and its trust store); {@link #start()} picks free ports on the first start and then
 * keeps them. Registrations live only in the process: {@link #restart()} and {@link #stop()} forget
 * them like a real server restart; users, presence documents and stored messages stay in the DB.
 * Thread-safe.
 */
public final class KamailioServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String DOMAIN = "127.0.0.1";

    private static final String CONFIG_RESOURCE = "/kamailio/parley-test.cfg";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final int START_ATTEMPTS = 3;

    private final Path workDir;
    private final Path runDir;
    private final Path config;
    private final Path logFile;
    private final Path executable;
    private final KamailioDatabase database;
    private final ServerCertificate certificate;
    private final String algorithm;
    private final Duration transactionTimeout;
    private final String serverTag;
    private final boolean presence;

    private LoopbackPorts ports;
    private boolean everStarted;
    private KamailioProcess process;

    /** Options of a server; {@link #build} makes a stopped server in a working directory. */
    public static final class Builder {
        private String algorithm = "MD5";
        private Duration transactionTimeout = Duration.ofSeconds(3);
        private String executable = "kamailio";
        private boolean presence = true;

        private Builder() {
        }

        /**
         * A plain registrar and proxy without the presence modules: PUBLISH and SUBSCRIBE are routed to the
         * user's registered devices (peer-to-peer presence).
         */
        public Builder withoutPresence() {
            presence = false;
            return this;
        }

        /** Challenge with SHA-256 digests (RFC 8760) instead of MD5; Kamailio offers one algorithm per instance. */
        public Builder sha256() {
            algorithm = "SHA-256";
            return this;
        }

        /**
         * How long a relayed non-INVITE request (e.g. MESSAGE) waits for the callee before Kamailio gives
         * up (408); a MESSAGE to a registered contact that is gone is stored (202) after this time.
         * Default 3 s.
         */
        public Builder transactionTimeout(Duration timeout) {
            if (timeout.toMillis() < 500) {
                throw new IllegalArgumentException("transaction timeout below 500 ms: " + timeout);
            }
            transactionTimeout = timeout;
            return this;
        }

        /** The Kamailio program (name on PATH or path); for the harness's own tests. */
        Builder executable(String program) {
            executable = Objects.requireNonNull(program);
            return this;
        }

        /** Prepares {@code workDir} (see {@link KamailioServer#newWorkDir}); does not start the server. */
        public KamailioServer build(Path workDir) {
            return new KamailioServer(this, workDir);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new empty directory {@code target/kamailio/<name>-<random>} below the current (module) directory. */
    public static Path newWorkDir(String name) {
        try {
            Path base = Files.createDirectories(Path.of("target", "kamailio").toAbsolutePath());
            return Files.createTempDirectory(base, name.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Kamailio working directory", e);
        }
    }

    private KamailioServer(Builder builder, Path workDir) {
        this.executable = HostTools.require(builder.executable);
        this.workDir = workDir.toAbsolutePath();
        if (this.workDir.toString().contains("\"")) {
            throw new IllegalArgumentException("Kamailio cannot take a path with '\"' in it: " + this.workDir);
        }
        this.algorithm = builder.algorithm;
        this.transactionTimeout = builder.transactionTimeout;
        this.presence = builder.presence;
        byte[] tag = new byte[6];
        new SecureRandom().nextBytes(tag);
        this.serverTag = HexFormat.of().formatHex(tag);
        this.runDir = this.workDir.resolve("run");
        this.config = this.workDir.resolve("parley-test.cfg");
        this.logFile = this.workDir.resolve("kamailio.log");
        try (InputStream in = KamailioServer.class.getResourceAsStream(CONFIG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONFIG_RESOURCE + " is not on the test classpath");
            }
            Files.createDirectories(runDir);
            Files.copy(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + this.workDir, e);
        }
        this.database = KamailioDatabase.create(this.workDir.resolve("kamailio.sqlite"));
        this.certificate = ServerCertificate.create(this.workDir.resolve("tls"));
    }

    /**
     * Starts Kamailio and returns once it answers an OPTIONS over UDP with 200. On the first start,
     * ports that another process grabbed in the meantime are replaced by new ones; later starts use
     * the same ports. Fails with the log tail if Kamailio exits or does not answer in time.
     */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Kamailio is already running (pid " + process.pid() + ")");
        }
        stop(); // it may have died on its own
        for (int attempt = 1; ; attempt++) {
            if (ports == null) {
                ports = LoopbackPorts.pick();
            }
            try {
                launchAndAwaitReady();
                everStarted = true;
                return;
            } catch (KamailioProcess.PortTakenException e) {
                if (everStarted || attempt == START_ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage() + "\n" + logTail(40), e);
                }
                ports = null;
            }
        }
    }

    /** Stops Kamailio (SIGTERM, then SIGKILL after 5 s) and waits until all its processes are gone; no-op if stopped. */
    public synchronized void stop() {
        if (process != null) {
            long started = System.nanoTime();
            process.stop();
            // (beside the "ready" line: a slow stop shows in the test's output file)
            System.out.printf("kamailio stopped in %d ms: pid %d%n", (System.nanoTime() - started) / 1_000_000,
                    process.pid());
            process = null;
        }
    }

    /** Stop then start on the same ports with the same DB: in-memory registrations are forgotten. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server and deletes its working directory. */
    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + workDir, e);
        }
    }

    /** Adds a subscriber in domain {@link #DOMAIN}; usable at once, also while running. */
    public void addUser(String name, String password) {
        database.addUser(name, password);
    }

    public String host() {
        return HOST;
    }

    /** The SIP domain of all users, also the digest realm. */
    public String domain() {
        return DOMAIN;
    }

    public synchronized int udpPort() {
        return requirePorts().sip();
    }

    /** Same number as {@link #udpPort()}. */
    public synchronized int tcpPort() {
        return requirePorts().sip();
    }

    public synchronized int tlsPort() {
        return requirePorts().tls();
    }

    /** PKCS#12 trust store holding only this server's certificate. */
    public Path trustStorePath() {
        return certificate.trustStore();
    }

    public String trustStorePassword() {
        return ServerCertificate.TRUST_STORE_PASSWORD;
    }

    /** The server certificate alone, PEM-encoded (self-signed: it is its own trust anchor). */
    public Path certificatePemPath() {
        return certificate.certificateFile();
    }

    /** SHA-256 of the server certificate (DER) as colon-separated upper-case hex. */
    public String certificateSha256() {
        return certificate.sha256();
    }

    /** "MD5" or "SHA-256", as in the {@code algorithm} digest parameter. */
    public String algorithm() {
        return algorithm;
    }

    public Path workDir() {
        return workDir;
    }

    /** Kamailio's stdout+stderr of all starts of this server, with a marker line per start. */
    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of {@link #logFile()} ("" if there is none yet). */
    public String logTail(int lines) {
        return KamailioProcess.tail(logFile, lines);
    }

    private LoopbackPorts requirePorts() {
        if (ports == null) {
            throw new IllegalStateException("Kamailio was never started, so it has no ports yet");
        }
        return ports;
    }

    private void launchAndAwaitReady() throws KamailioProcess.PortTakenException {
        long t0 = System.nanoTime();
        try {
            Files.writeString(logFile, "---- parley: starting kamailio, udp/tcp " + ports.sip() + ", tls " + ports.tls()
                    + " ----\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KamailioProcess started = KamailioProcess.launch(command(), runDir, logFile);
        process = started;
        try {
            started.awaitReady(HOST, ports.sip(), serverTag, START_TIMEOUT);
        } catch (KamailioProcess.PortTakenException | RuntimeException e) {
            process = null; // awaitReady stopped it
            throw e;
        }
        System.out.printf("kamailio ready in %d ms: udp/tcp %d, tls %d, %s, pid %d, dir %s%n",
                (System.nanoTime() - t0) / 1_000_000, ports.sip(), ports.tls(), algorithm, started.pid(), workDir);
    }

    private List<String> command() {
        int sip = ports.sip();
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "-f", config.toString(), "-DD", "-E", "-m", "256", "-M", "8",
                "-P", runDir.resolve("kamailio.pid").toString(), "-Y", runDir.toString(), "-w", runDir.toString(),
                "-A", "SIP_IP=" + HOST, "-A", "SIP_PORT=" + sip, "-A", "TLS_PORT=" + ports.tls(),
                "-A", "FR_TIMER=" + transactionTimeout.toMillis()));
        define(command, "DBURL", database.url());
        define(command, "TLS_CERT", certificate.certificateFile().toString());
        define(command, "TLS_KEY", certificate.keyFile().toString());
        define(command, "PRES_ADDR", "sip:" + HOST + ":" + sip);
        define(command, "MSILO_FROM", "sip:registrar@" + HOST + ":" + sip);
        define(command, "MSILO_PROXY", "sip:" + HOST + ":" + sip);
        define(command, "SERVER_HEADER", "Server: parley-test-kamailio " + serverTag);
        if (algorithm.equals("SHA-256")) {
            command.addAll(List.of("-A", "WITH_SHA256"));
        }
        if (!presence) {
            command.addAll(List.of("-A", "WITHOUT_PRESENCE"));
        }
        return command;
    }

    /** A string-valued {@code #!trydef} override: Kamailio wants the quotes inside the value. */
    private static void define(List<String> command, String name, String value) {
        command.add("-A");
        command.add(name + "=\"" + value + "\"");
    }
}
