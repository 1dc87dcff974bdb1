package org.parley.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one sentence on stderr and an exit code; stack traces go to the log file only.
 * Called by picocli on the command's thread.
 */
final class CliErrorHandlers implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final ConsoleOutput console;
    private final String logDir;

    CliErrorHandlers(ConsoleOutput console, String logDir) {
        this.console = console;
        this.logDir = logDir;
    }

    /** Bad command line: the problem, then where to find usage. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        console.error(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, console.stderr());
        }
        CommandLine cmd = ex.getCommandLine();
        console.notice("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof CliException cli) {
            if (cli.getCause() != null) {
                CliLog.DETAIL.info("{} failed: {}", cmd.getCommandSpec().qualifiedName(), cli.getMessage(),
                        cli.getCause());
            }
            console.error(cli.getMessage());
            return cli.exitCode();
        }
        CliLog.DETAIL.error("{} failed unexpectedly", cmd.getCommandSpec().qualifiedName(), ex);
        console.error("Unexpected error (" + ex.getClass().getSimpleName() + ")"
                + (logDir == null ? "." : "; the details are in the log in " + logDir + "."));
        return ExitCodes.FAILURE;
    }
}
