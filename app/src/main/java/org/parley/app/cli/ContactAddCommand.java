package org.parley.app.cli;

import java.util.concurrent.Callable;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley contact add ADDRESS [--name N] [--group G] [--account AOR]}: adds a contact, or updates the one
 * with the same address (options not given keep their stored value; "" clears it). Input is validated before the
 * profile is opened. A running {@code parley run} of the same profile does not notice; use its contact_add.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a contact, or update the one with the same address.")
public final class ContactAddCommand implements Callable<Integer> {
    @ParentCommand
    private ContactCommand parent;

    @Parameters(paramLabel = "ADDRESS", description = "The contact: sip:user@host, sips:user@host or user@host.")
    private String address;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name (\"\" clears it).")
    private String name;

    @Option(names = "--group", paramLabel = "GROUP", description = "Group (\"\" clears it).")
    private String group;

    @Option(names = "--account", paramLabel = "AOR", description = "Whose contact list (default: the first account).")
    private String account;

    @Override
    public Integer call() {
        String normalised = ContactInput.address(address);
        String cleanName = ContactInput.label(name, "--name");
        String cleanGroup = ContactInput.label(group, "--group");
        ContactCommand.checkAccountSyntax(account);
        try (Profile profile = parent.root().openProfile()) {
            String owner = ContactCommand.account(profile, account);
            ContactBook.Change change = new ContactBook(profile.contacts(), owner).put(normalised, cleanName,
                    cleanGroup);
            parent.root().context().console().result((change == ContactBook.Change.ADDED ? "Added" : "Updated")
                    + " contact " + normalised + " of " + owner + ".");
            return ExitCodes.OK;
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
    }
}
