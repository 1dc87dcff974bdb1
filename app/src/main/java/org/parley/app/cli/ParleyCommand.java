package org.parley.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.app.core.CoreOptions;
import org.parley.storage.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley [--data-dir DIR] [--passphrase-env NAME] <command>}: the global options and the command
 * list. Subcommands reach the {@link CliContext} and the profile through their {@code @ParentCommand} chain.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Headless SIP instant messaging: accounts, contacts, sending, a JSON-lines event loop, history.",
        subcommands = {AccountCommand.class, ContactCommand.class, SendCommand.class, RunCommand.class,
            HistoryCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  storage failure or unexpected error (details in the log)",
            "  2  bad command line, missing environment variable, or a file that cannot be used",
            "  3  wrong passphrase (nothing was changed)",
            "  4  no such account (or contact, for contact remove)",
            "  5  registration failed (send)",
            "  6  message delivery failed (send)",
            "  7  timed out (send)"})
public final class ParleyCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Profile directory (default: $XDG_DATA_HOME/parley or ~/.local/share/parley).")
    private Path dataDir;

    @Option(names = "--passphrase-env", paramLabel = "NAME",
            description = "Read the profile passphrase from environment variable NAME instead of the terminal.")
    private String passphraseEnv;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Local address the SIP stack listens on, for send and run (default: ${DEFAULT-VALUE}).")
    private String bindAddress;

    ParleyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: use account, contact, send, run or history.");
    }

    CliContext context() {
        return context;
    }

    Path dataDir() {
        Path dir = dataDir != null ? dataDir : DataDirs.dataDir(context::getenv, context.userHome());
        return dir.toAbsolutePath().normalize();
    }

    /** Options of the core for send and run: default ones on the chosen local address, free ports. */
    CoreOptions coreOptions() {
        return CoreOptions.defaults().withBindAddress(bindAddress);
    }

    /** Unlocks (or creates) the profile; the caller closes it. Throws {@link CliException}. */
    Profile openProfile() {
        return new ProfileOpener(context).open(dataDir(), passphraseEnv);
    }
}
