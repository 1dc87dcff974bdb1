package org.parley.app.cli;

import java.util.Set;
import org.parley.app.Parley;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;

/**
 * The contact commands of {@code parley run} ({@code contact_add}, {@code contact_remove}): change the stored
 * contact list of an account, then tell the core ({@link Parley#contactsChanged()}) so watching follows at once.
 * Runs on the session's reader thread; storage calls block it briefly.
 *
 * <p>Every refusal is an exception whose message is the one sentence for the {@code error} event:
 * {@link CliException} (bad address, unknown account, no such contact), {@link IllegalArgumentException}
 * (account outside the run's selection) or {@link StorageException}.
 */
final class RunContacts {
    private final Parley parley;
    private final Set<String> allowedAccounts;
    private final String defaultAccount;

    /**
     * @param allowedAccounts stored AORs the client may use; empty for any
     * @param defaultAccount  stored AOR used when a command names none; null for the profile's first account
     */
    RunContacts(Parley parley, Set<String> allowedAccounts, String defaultAccount) {
        this.parley = parley;
        this.allowedAccounts = Set.copyOf(allowedAccounts);
        this.defaultAccount = defaultAccount;
    }

    void add(StdinCommand.ContactAdd command) throws StorageException {
        String address = ContactInput.address(command.address());
        String name = ContactInput.label(command.name(), "\"name\"");
        String group = ContactInput.label(command.group(), "\"group\"");
        String account = account(command.account());
        new ContactBook(parley.profile().contacts(), account).put(address, name, group);
        parley.contactsChanged();
    }

    void remove(StdinCommand.ContactRemove command) throws StorageException {
        String address = ContactInput.address(command.address());
        String account = account(command.account());
        if (!new ContactBook(parley.profile().contacts(), account).remove(address)) {
            throw new CliException(ExitCodes.NO_SUCH_CONTACT, "There is no contact " + address + " of " + account + ".");
        }
        parley.contactsChanged();
    }

    private String account(String named) {
        Profile profile = parley.profile();
        if (named == null) {
            return defaultAccount != null ? defaultAccount : AccountLookup.first(profile);
        }
        String stored = AccountLookup.require(profile, named);
        if (!allowedAccounts.isEmpty() && !allowedAccounts.contains(stored)) {
            throw new IllegalArgumentException("The account " + stored + " is not one this run was started for.");
        }
        return stored;
    }
}
