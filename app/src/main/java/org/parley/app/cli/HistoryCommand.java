package org.parley.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley history search|show}: a container; running it alone is a usage error. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Search and read the message history.",
        subcommands = {HistorySearchCommand.class, HistoryShowCommand.class})
public final class HistoryCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 10_000;

    @ParentCommand
    private ParleyCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: use search or show.");
    }

    ParleyCommand root() {
        return root;
    }

    static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw CliException.usage("--limit must be from 1 to " + MAX_LIMIT + ".");
        }
        return limit;
    }
}
