package org.parley.app.testsupport.kamailio;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Runs one {@link KamailioServer} for a test class:
 * <pre>
 * &#64;RegisterExtension static final KamailioExtension kamailio = KamailioExtension.md5();
 * </pre>
 * Started before all tests (fresh working dir {@code target/kamailio/<TestClass>-<random>}), stopped
 * after all. If a test fails, the last {@value #FAILURE_LOG_LINES} log lines go to System.err and the
 * working dir is kept; otherwise it is deleted. Tests may {@link #stop()}, {@link #start()} and
 * {@link #restart()} it; @Nested classes share the outer class's server.
 */
public final class KamailioExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

    static final int FAILURE_LOG_LINES = 80;

    private final KamailioServer.Builder builder;
    private KamailioServer server;
    private String ownerId;
    private boolean failed;

    private KamailioExtension(KamailioServer.Builder builder) {
        this.builder = builder;
    }

    /** A server that challenges with MD5 digests. */
    public static KamailioExtension md5() {
        return new KamailioExtension(KamailioServer.builder());
    }

    /** A server that challenges with SHA-256 digests (RFC 8760). */
    public static KamailioExtension sha256() {
        return new KamailioExtension(KamailioServer.builder().sha256());
    }

    /** A server with other options, e.g. {@code of(KamailioServer.builder().transactionTimeout(...))}. */
    public static KamailioExtension of(KamailioServer.Builder builder) {
        return new KamailioExtension(builder);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server != null) {
            return; // a @Nested class inside the class that started it
        }
        ownerId = context.getUniqueId();
        server = builder.build(KamailioServer.newWorkDir(context.getRequiredTestClass().getSimpleName()));
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
        if (server != null) {
            System.err.printf("---- %s failed; last %d lines of %s ----%n%s%n---- end of kamailio log ----%n",
                    context.getDisplayName(), FAILURE_LOG_LINES, server.logFile(), server.logTail(FAILURE_LOG_LINES));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server == null || !context.getUniqueId().equals(ownerId)) {
            return;
        }
        KamailioServer finished = server;
        server = null;
        if (failed || context.getExecutionException().isPresent()) {
            finished.stop();
            System.err.println("kept Kamailio working directory " + finished.workDir());
        } else {
            finished.close();
        }
    }

    /** The running (or deliberately stopped) server; fails outside of the test class's lifetime. */
    public KamailioServer server() {
        return Optional.ofNullable(server).orElseThrow(() -> new IllegalStateException(
                "Kamailio is not started: register KamailioExtension with @RegisterExtension on a static field"));
    }

    public String host() {
        return server().host();
    }

    public String domain() {
        return server().domain();
    }

    public int udpPort() {
        return server().udpPort();
    }

    public int tcpPort() {
        return server().tcpPort();
    }

    public int tlsPort() {
        return server().tlsPort();
    }

    public Path trustStorePath() {
        return server().trustStorePath();
    }

    public String trustStorePassword() {
        return server().trustStorePassword();
    }

    public Path certificatePemPath() {
        return server().certificatePemPath();
    }

    public String certificateSha256() {
        return server().certificateSha256();
    }

    public String algorithm() {
        return server().algorithm();
    }

    public Path logFile() {
        return server().logFile();
    }

    public String logTail(int lines) {
        return server().logTail(lines);
    }

    public void addUser(String name, String password) {
        server().addUser(name, password);
    }

    public void start() {
        server().start();
    }

    public void stop() {
        server().stop();
    }

    public void restart() {
        server().restart();
    }
}
