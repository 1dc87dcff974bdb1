package org.parley.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.app.contacts.SkippedCard;
import org.parley.app.contacts.VcardImport;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley contact import FILE.vcf [--account AOR] [--group G]}: reads the whole file first (a file that is
 * missing, a directory, unreadable, over 5 MiB or without any vCard is refused with exit 2 before the passphrase
 * is asked), then stores its contacts (see {@link ContactImport}). Prints one summary line and one line per
 * skipped card on stdout; skipped cards do not change the exit code.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import the contacts of a vCard file (2.1, 3.0 or 4.0); cards without a SIP address are skipped.")
public final class ContactImportCommand implements Callable<Integer> {
    /** Longest reason shown for a skipped card (it quotes the card's name and values, which may be huge). */
    static final int MAX_DETAIL = 300;

    @ParentCommand
    private ContactCommand parent;

    @Parameters(paramLabel = "FILE.vcf", description = "The vCard file.")
    private Path file;

    @Option(names = "--account", paramLabel = "AOR", description = "Whose contact list (default: the first account).")
    private String account;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Put every imported contact in this group (default: each card's first category).")
    private String group;

    @Override
    public Integer call() {
        String fixedGroup = ContactInput.label(group, "--group");
        ContactCommand.checkAccountSyntax(account);
        VcardImport cards = VcardFile.read(file);
        ConsoleOutput console = parent.root().context().console();
        try (Profile profile = parent.root().openProfile()) {
            String owner = ContactCommand.account(profile, account);
            ContactImport.Report report = new ContactImport(new ContactBook(profile.contacts(), owner), fixedGroup)
                    .apply(cards);
            console.result("Imported " + Counted.of(report.added() + report.updated(), "contact") + " into " + owner
                    + " (" + report.added() + " new, " + report.updated() + " updated); skipped "
                    + Counted.of(report.skipped().size(), "card") + ".");
            for (SkippedCard skipped : report.skipped()) {
                console.result("Skipped card " + skipped.position() + ": " + detail(skipped));
            }
            return ExitCodes.OK;
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
    }

    private static String detail(SkippedCard skipped) {
        String line = ContactInput.oneLine(skipped.detail());
        if (line.codePointCount(0, line.length()) <= MAX_DETAIL) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_DETAIL)) + "…";
    }
}
