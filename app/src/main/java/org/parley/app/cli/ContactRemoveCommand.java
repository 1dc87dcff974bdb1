package org.parley.app.cli;

import java.util.concurrent.Callable;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code parley contact remove ADDRESS [--account AOR]}: exit code 4 when the account has no such contact. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a contact.")
public final class ContactRemoveCommand implements Callable<Integer> {
    @ParentCommand
    private ContactCommand parent;

    @Parameters(paramLabel = "ADDRESS", description = "The contact's address.")
    private String address;

    @Option(names = "--account", paramLabel = "AOR", description = "Whose contact list (default: the first account).")
    private String account;

    @Override
    public Integer call() {
        String normalised = ContactInput.address(address);
        ContactCommand.checkAccountSyntax(account);
        try (Profile profile = parent.root().openProfile()) {
            String owner = ContactCommand.account(profile, account);
            if (!new ContactBook(profile.contacts(), owner).remove(normalised)) {
                throw new CliException(ExitCodes.NO_SUCH_CONTACT,
                        "There is no contact " + normalised + " of " + owner + ".");
            }
            parent.root().context().console().result("Removed contact " + normalised + " of " + owner + ".");
            return ExitCodes.OK;
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
    }
}
