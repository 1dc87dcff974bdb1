package org.parley.ui.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real launcher ({@code org.parley.ui.ParleyDesktop}) started as a second JVM while this JVM holds the
 * profile's instance lock and serves the hand-off the way the running app does (through a {@link HandoffInbox}).
 */
class HandoffProcessTest {
    private static final Logger LOG = LoggerFactory.getLogger(HandoffProcessTest.class);
    @TempDir
    Path tmp;
    private Path data;
    private SingleInstance.Paths paths;
    private InstanceLock lock;
    private HandoffServer server;
    private final BlockingQueue<String> links = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> shown = new LinkedBlockingQueue<>();

    @BeforeEach
    void firstInstance() throws IOException {
        data = tmp.resolve("data");
        paths = SingleInstance.Paths.of(data, v -> v.equals("XDG_RUNTIME_DIR") ? tmp.toString() : null);
        lock = SingleInstance.claim(paths).orElseThrow();
        HandoffInbox inbox = new HandoffInbox(Runnable::run);
        inbox.onShow(() -> shown.add(System.nanoTime()));
        inbox.attach(links::add);
        server = SingleInstance.serve(paths, inbox);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        lock.close();
    }

    @Test
    void aSecondLaunchHandsItsLinkToTheFirstAndExitsZero() throws Exception {
        Result r = launch("sip:bob@example.com;transport=tcp");
        assertThat(r.code()).as(r.stderr()).isZero();
        assertThat(links.poll(5, TimeUnit.SECONDS)).isEqualTo("sip:bob@example.com;transport=tcp");
    }

    @Test
    void aSecondLaunchWithAMalformedLinkSaysWhyOnStderrAndExitsNonZero() throws Exception {
        Result r = launch("tel:call-me-maybe");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.stderr()).contains("\"call-me-maybe\" is not a telephone number.");
        assertThat(links).isEmpty();
    }

    @Test
    void aSecondLaunchWithoutALinkBringsTheFirstToTheFront() throws Exception {
        Result r = launch();
        assertThat(r.code()).as(r.stderr()).isZero();
        assertThat(shown.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(links).isEmpty();
    }

    /** Not a test of speed: logs the median from process start to delivery, for the report. */
    @Test
    void handOffLatencyIsLogged() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("handoff.runs", 3); i++) {
            long started = System.nanoTime();
            Result r = launch("tel:+49-30-123456");
            assertThat(r.code()).as(r.stderr()).isZero();
            assertThat(links.poll(5, TimeUnit.SECONDS)).isEqualTo("tel:+49-30-123456");
            millis.add(TimeUnit.NANOSECONDS.toMillis(shown.poll(5, TimeUnit.SECONDS) - started));
        }
        Collections.sort(millis);
        LOG.info("hand-off latency, second launch start to delivery: median {} ms of {}", millis.get(millis.size() / 2),
                millis);
    }

    private record Result(int code, String stderr) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dparley.data.dir=" + data,
                "-Dparley.log.dir=" + tmp.resolve("logs"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "org.parley.ui.ParleyDesktop"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_RUNTIME_DIR", tmp.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), stderr);
    }
}
