package org.parley.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.parley.app.logging.LogFiles;
import picocli.CommandLine;

/**
 * Entry point of the {@code parley} command line (see docs/cli.md and bin/parley).
 *
 * <p>{@link #main} fixes the log directory before anything touches SLF4J (so this class has no logger
 * field), runs the command and exits with its code. {@link #execute} is the same without the process
 * concerns, for tests.
 */
public final class ParleyMain {
    /** Directory of the rolling log file (read by {@code ParleyLogConfigurator}). */
    public static final String LOG_DIR_PROPERTY = LogFiles.DIR_PROPERTY;

    private ParleyMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY,
                    DataDirs.logDir(System::getenv, System.getProperty("user.home")).toString());
        }
        int code = execute(CliContext.system(), args);
        System.exit(code);
    }

    /** Parses {@code args}, runs the command against {@code context} and returns the exit code. */
    public static int execute(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new ParleyCommand(context));
        CliErrorHandlers handlers = new CliErrorHandlers(context.console(), System.getProperty(LOG_DIR_PROPERTY));
        commandLine.setExecutionExceptionHandler(handlers);
        commandLine.setParameterExceptionHandler(handlers);
        commandLine.setOut(new PrintWriter(context.console().stdout(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(context.console().stderr(), true, StandardCharsets.UTF_8));
        return commandLine;
    }
}
