package org.parley.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley account add|list|remove}: a container; running it alone is a usage error. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage the SIP accounts of the profile.",
        subcommands = {AccountAddCommand.class, AccountListCommand.class, AccountRemoveCommand.class})
public final class AccountCommand implements Callable<Integer> {
    @ParentCommand
    private ParleyCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: use add, list or remove.");
    }

    ParleyCommand root() {
        return root;
    }
}
