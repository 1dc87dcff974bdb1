package org.parley.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import org.parley.storage.WrongPassphraseException;

/**
 * Unlocks the profile in the data directory, creating it on first use.
 *
 * <p>The passphrase comes from the environment variable named by {@code --passphrase-env}, else from the
 * terminal (asked twice when creating). It is wiped from memory once storage has it. Failures become
 * {@link CliException}s: wrong passphrase → {@link ExitCodes#WRONG_PASSPHRASE} with nothing changed,
 * no way to get a passphrase → {@link ExitCodes#USAGE}, storage trouble → {@link ExitCodes#FAILURE}.
 * Runs on the command's thread; the caller owns (and closes) the returned profile.
 */
final class ProfileOpener {
    private final CliContext context;

    ProfileOpener(CliContext context) {
        this.context = context;
    }

    Profile open(Path dir, String passphraseEnv) {
        boolean exists = context.profiles().exists(dir);
        char[] passphrase = passphrase(dir, passphraseEnv, exists);
        try {
            if (exists) {
                return context.profiles().open(dir, passphrase);
            }
            createParent(dir);
            Profile created = context.profiles().create(dir, passphrase);
            context.console().notice("Created a new encrypted profile in " + dir + ".");
            return created;
        } catch (WrongPassphraseException e) {
            throw new CliException(ExitCodes.WRONG_PASSPHRASE,
                    "The passphrase does not unlock the profile in " + dir + "; nothing was changed.");
        } catch (StorageException e) {
            CliLog.DETAIL.warn("profile {} could not be {}", dir, exists ? "opened" : "created", e);
            throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private char[] passphrase(Path dir, String passphraseEnv, boolean exists) {
        if (passphraseEnv != null) {
            String value = context.getenv(passphraseEnv);
            if (value == null) {
                throw CliException.usage("The environment variable " + passphraseEnv
                        + " (named by --passphrase-env) is not set.");
            }
            if (value.isEmpty()) {
                throw CliException.usage("The environment variable " + passphraseEnv + " is empty.");
            }
            return value.toCharArray();
        }
        PassphrasePrompt prompt = context.prompt();
        if (!prompt.interactive()) {
            throw CliException.usage("No passphrase: there is no terminal to ask on; put it in an environment"
                    + " variable and pass --passphrase-env NAME.");
        }
        if (exists) {
            return required(prompt.read("Passphrase for " + dir + ": "));
        }
        char[] first = required(prompt.read("Passphrase for a new profile in " + dir + ": "));
        char[] second = null;
        try {
            second = required(prompt.read("Repeat the passphrase: "));
            if (!Arrays.equals(first, second)) {
                throw CliException.usage("The two passphrases differ; no profile was created.");
            }
            char[] agreed = first;
            first = null;
            return agreed;
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static char[] required(char[] typed) {
        if (typed == null || typed.length == 0) {
            throw CliException.usage("No passphrase was entered.");
        }
        return typed;
    }

    private static void createParent(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            CliLog.DETAIL.warn("cannot create {}", parent, e);
            throw new CliException(ExitCodes.FAILURE, "Cannot create the directory " + parent + ".", e);
        }
    }
}
