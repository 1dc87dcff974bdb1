package org.parley.app.cli;

import java.util.concurrent.Callable;
import org.parley.storage.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley contact add|remove|list|import|export}: a container; running it alone is a usage error. */
@Command(name = "contact", mixinStandardHelpOptions = true,
        description = "Manage the contact list (whose presence is watched) of an account.",
        subcommands = {ContactAddCommand.class, ContactRemoveCommand.class, ContactListCommand.class,
            ContactImportCommand.class, ContactExportCommand.class})
public final class ContactCommand implements Callable<Integer> {
    @ParentCommand
    private ParleyCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: use add, remove, list, import or export.");
    }

    ParleyCommand root() {
        return root;
    }

    /**
     * The stored AOR of the account whose contacts a command works on: the one named by --account, else the first
     * account (as for {@code send}). Throws {@link CliException} with {@link ExitCodes#NO_SUCH_ACCOUNT}.
     */
    static String account(Profile profile, String typed) {
        return typed == null ? AccountLookup.first(profile) : AccountLookup.require(profile, typed);
    }

    /** Checks a typed --account before the profile is opened, so a typo never asks for the passphrase. */
    static void checkAccountSyntax(String typed) {
        if (typed != null) {
            AccountInput.aor(typed);
        }
    }
}
