package org.parley.app.cli;

import java.util.concurrent.Callable;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code parley account remove AOR}: exit code 4 when there is no such account. Message history is kept. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account (its history stays).")
public final class AccountRemoveCommand implements Callable<Integer> {
    @ParentCommand
    private AccountCommand parent;

    @Parameters(paramLabel = "AOR", description = "Address of record of the account.")
    private String aor;

    @Override
    public Integer call() {
        AccountInput.aor(aor); // refuse a malformed address before asking for the passphrase
        String stored;
        try (Profile profile = parent.root().openProfile()) {
            stored = AccountLookup.require(profile, aor);
            profile.accounts().remove(stored);
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
        parent.root().context().console().result("Removed account " + stored + ".");
        return ExitCodes.OK;
    }
}
