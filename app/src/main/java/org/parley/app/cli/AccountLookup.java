package org.parley.app.cli;

import java.util.List;
import org.parley.app.SipAddress;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;

/**
 * Finds a stored account from what the user typed, comparing normalised addresses (so "alice@host" finds
 * "sip:alice@host"). Throws {@link CliException}: usage for a malformed address, {@link ExitCodes#NO_SUCH_ACCOUNT}
 * when absent. Reads the profile on the caller's thread.
 */
final class AccountLookup {
    private AccountLookup() {
    }

    /** The stored AOR of the account the user named. */
    static String require(Profile profile, String typed) {
        String wanted = AccountInput.aor(typed).toString();
        for (AccountRecord account : list(profile)) {
            if (wanted.equals(account.aor()) || wanted.equals(normalised(account.aor()))) {
                return account.aor();
            }
        }
        throw new CliException(ExitCodes.NO_SUCH_ACCOUNT, "There is no account " + wanted + ".");
    }

    /** The first account, for commands run without --account. */
    static String first(Profile profile) {
        List<AccountRecord> accounts = list(profile);
        if (accounts.isEmpty()) {
            throw new CliException(ExitCodes.NO_SUCH_ACCOUNT,
                    "There is no account yet; add one with: parley account add AOR");
        }
        return accounts.get(0).aor();
    }

    static List<AccountRecord> list(Profile profile) {
        try {
            return profile.accounts().list();
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
    }

    private static String normalised(String stored) {
        try {
            return SipAddress.parse(stored).toString();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }
}
