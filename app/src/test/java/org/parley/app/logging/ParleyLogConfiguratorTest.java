package org.parley.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParleyLogConfiguratorTest {
    @TempDir
    Path dir;
    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void mdc() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // what SLF4J's Logback provider gives its context
    }

    @AfterEach
    void stop() {
        context.stop();
        System.clearProperty(LogFiles.BUILT_IN_PROPERTY);
        System.clearProperty(LogFiles.DIR_PROPERTY);
        System.clearProperty(LogFiles.NAME_PROPERTY);
    }

    private String logFile(String name) throws Exception {
        Path file = dir.resolve(name + "." + LocalDate.now() + ".log");
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private String stderrOf(Runnable logging) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void infoGoesToTheDatedFileAndWarningsAlsoToStderrAsOneLine() throws Exception {
        ParleyLogConfigurator.install(context, dir, "parley-test");

        String stderr = stderrOf(() -> {
            context.getLogger("org.parley.app.sip.X").debug("not kept");
            context.getLogger("org.parley.app.sip.X").info("registered alice");
            context.getLogger("org.parley.app.sip.X").warn("server unreachable", new IllegalStateException("boom"));
        });

        assertThat(stderr).isEqualTo("parley: WARN server unreachable" + System.lineSeparator());
        assertThat(logFile("parley-test"))
                .contains("INFO  [main] org.parley.app.sip.X - registered alice")
                .contains("WARN  [main] org.parley.app.sip.X - server unreachable")
                .contains("java.lang.IllegalStateException: boom")
                .doesNotContain("not kept");
    }

    @Test
    void cliDetailAndTheSipStackGoToTheFileOnly() throws Exception {
        ParleyLogConfigurator.install(context, dir, "parley");

        String stderr = stderrOf(() -> {
            context.getLogger("org.parley.app.cli.detail").debug("stack of an error already reported");
            context.getLogger("jainsip.parley-1").warn("routine stack warning");
        });

        assertThat(stderr).isEmpty();
        assertThat(logFile("parley")).contains("stack of an error already reported").contains("routine stack warning");
    }

    @Test
    void stepsAsideForATestConfigurationUnlessToldOtherwise() throws Exception {
        // this test class path has a logback-test.xml
        ParleyLogConfigurator configurator = new ParleyLogConfigurator();
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger("ROOT").getAppender("FILE")).isNull();

        System.setProperty(LogFiles.BUILT_IN_PROPERTY, "true");
        System.setProperty(LogFiles.DIR_PROPERTY, dir.toString());
        System.setProperty(LogFiles.NAME_PROPERTY, "forced");
        assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        context.getLogger("org.parley.X").info("written");
        assertThat(logFile("forced")).contains("written");
    }

    @Test
    void theDirectoryIsThePropertyElseTheXdgStateHomeElseUnderHome() {
        Map<String, String> none = Map.of();
        assertThat(ParleyLogConfigurator.directory(Map.of(LogFiles.DIR_PROPERTY, "/var/tmp/x", "user.home", "/h")::get,
                Map.of("XDG_STATE_HOME", "/s")::get)).isEqualTo(Path.of("/var/tmp/x"));
        assertThat(ParleyLogConfigurator.directory(Map.of("user.home", "/h")::get, Map.of("XDG_STATE_HOME", "/s")::get))
                .isEqualTo(Path.of("/s/parley/logs"));
        assertThat(ParleyLogConfigurator.directory(Map.of("user.home", "/h")::get, none::get))
                .isEqualTo(Path.of("/h/.local/state/parley/logs"));
    }
}
