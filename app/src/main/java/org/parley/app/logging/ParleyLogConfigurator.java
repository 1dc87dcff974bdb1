package org.parley.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.parley.app.XdgDirs;

/**
 * Parley's logging, set up in code. Logback finds this class through {@code ServiceLoader} (META-INF/services)
 * and runs it before its own XML configurators. It is the only class that may see Logback's types
 * (ArchitectureTest): everything else logs through SLF4J. Doing it in code spares a fresh JVM Logback's XML
 * machinery and the JDK's XML parser: ~490 classes fewer for a CLI command, which ends ~0.1 s sooner
 * (docs/benchmarks.md, MESSAGE round trip, "Sixth session").
 *
 * <p>What it sets up, for the CLI and the desktop app alike:
 * <ul>
 * <li>INFO and above to a rolling file {@code DIR/NAME.yyyy-MM-dd.log} (see {@link LogFiles}), 14 days and at
 * most 200 MB kept, in prudent mode: several Parley processes may share the directory;</li>
 * <li>WARN and above also to stderr, one line without stack trace (those are in the file). Nothing ever goes
 * to stdout, which belongs to the CLI's output and JSON protocol; Logback's own status messages are
 * silenced for the same reason;</li>
 * <li>{@code org.parley.app.cli.detail} (details of errors the CLI already reported as one sentence, DEBUG and
 * above) and {@code jainsip} (the SIP stack's routine warnings) to the file only.</li>
 * </ul>
 *
 * <p>It steps aside for a configuration the user chose ({@code -Dlogback.configurationFile}) and for a
 * {@code logback-test.xml} on the class path, unless {@link LogFiles#BUILT_IN_PROPERTY} is "true".
 *
 * <p>Threading: Logback calls it once, on the thread that first asks SLF4J for a logger.
 */
public final class ParleyLogConfigurator extends ContextAwareBase implements Configurator {
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";
    static final String STDERR_PATTERN = "parley: %level %msg%n%nopex";

    /** Logback instantiates it through {@code ServiceLoader}. */
    public ParleyLogConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean forced = Boolean.parseBoolean(System.getProperty(LogFiles.BUILT_IN_PROPERTY));
        boolean userFile = System.getProperty("logback.configurationFile") != null;
        boolean testFile = ParleyLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null;
        if (!forced && (userFile || testFile)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        install(context, directory(System::getProperty, System::getenv),
                System.getProperty(LogFiles.NAME_PROPERTY, "parley"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@link LogFiles#DIR_PROPERTY}, else {@link XdgDirs#logDir} ({@code $XDG_STATE_HOME/parley/logs}). */
    static Path directory(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String chosen = properties.apply(LogFiles.DIR_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        return XdgDirs.logDir(environment, properties.apply("user.home"));
    }

    /** Replaces whatever {@code context} had with Parley's appenders and loggers. */
    static void install(LoggerContext context, Path directory, String name) {
        context.reset();
        context.getStatusManager().add(new NopStatusListener());

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setPrudent(true);
        TimeBasedRollingPolicy<ILoggingEvent> rolling = new TimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setFileNamePattern(directory.resolve(name + ".%d{yyyy-MM-dd}.log").toString());
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.setParent(file);
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setContext(context);
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        stderr.addFilter(warnings);
        stderr.setEncoder(encoder(context, STDERR_PATTERN));
        stderr.start();

        fileOnly(context, "org.parley.app.cli.detail", Level.DEBUG, file);
        fileOnly(context, "jainsip", Level.INFO, file);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(stderr);
    }

    private static void fileOnly(LoggerContext context, String name, Level level,
            RollingFileAppender<ILoggingEvent> file) {
        Logger logger = context.getLogger(name);
        logger.setLevel(level);
        logger.setAdditive(false);
        logger.addAppender(file);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
