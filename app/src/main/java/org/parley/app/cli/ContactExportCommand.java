package org.parley.app.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.app.SipAddress;
import org.parley.app.contacts.ContactCard;
import org.parley.app.contacts.VcardExporter;
import org.parley.app.contacts.VcardVersion;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley contact export FILE.vcf [--account AOR] [--vcard 3.0|4.0] [--force]}: writes the contacts of one
 * account as vCards with {@link PrivateFileWriter} (owner-only, atomic, no overwrite without --force). The target
 * is checked before the passphrase is asked. With no contacts nothing is written (a notice says so, exit 0).
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export the contacts of an account as vCards.")
public final class ContactExportCommand implements Callable<Integer> {
    @ParentCommand
    private ContactCommand parent;

    @Parameters(paramLabel = "FILE.vcf", description = "The file to write.")
    private Path file;

    @Option(names = "--account", paramLabel = "AOR", description = "Whose contact list (default: the first account).")
    private String account;

    @Option(names = "--vcard", paramLabel = "3.0|4.0", defaultValue = "4.0",
            description = "vCard version (default: ${DEFAULT-VALUE}; 3.0 also writes X-SIP for older address books).")
    private String vcard;

    @Option(names = "--force", description = "Replace the file if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        VcardVersion version = version(vcard);
        Path target = checkedTarget(file, force);
        ContactCommand.checkAccountSyntax(account);
        ConsoleOutput console = parent.root().context().console();
        String owner;
        List<ContactRecord> contacts;
        try (Profile profile = parent.root().openProfile()) {
            owner = ContactCommand.account(profile, account);
            contacts = profile.contacts().list(owner);
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
        List<ContactCard> cards = cards(contacts, console);
        if (cards.isEmpty()) {
            console.notice(owner + " has no contacts; nothing was written.");
            return ExitCodes.OK;
        }
        PrivateFileWriter.write(target, new VcardExporter().write(cards, version), force);
        console.result("Exported " + Counted.of(cards.size(), "contact") + " of " + owner + " to " + target + ".");
        return ExitCodes.OK;
    }

    static VcardVersion version(String text) {
        switch (text) {
            case "3.0":
            case "3":
                return VcardVersion.V3_0;
            case "4.0":
            case "4":
                return VcardVersion.V4_0;
            default:
                throw CliException.usage("--vcard must be 3.0 or 4.0.");
        }
    }

    /** The absolute, normalised target, if it can be written: its directory exists and it is not a directory. */
    static Path checkedTarget(Path typed, boolean force) {
        Path target = typed.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw CliException.usage(target + " is a directory.");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw CliException.usage("The directory " + dir + " does not exist.");
        }
        if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw PrivateFileWriter.exists(target);
        }
        return target;
    }

    /** Stored contacts as cards; one whose address does not parse any more is left out with a notice. */
    private static List<ContactCard> cards(List<ContactRecord> contacts, ConsoleOutput console) {
        List<ContactCard> cards = new ArrayList<>();
        for (ContactRecord c : contacts) {
            SipAddress address;
            try {
                address = SipAddress.parse(c.address());
            } catch (IllegalArgumentException e) {
                console.notice(ContactInput.oneLine("Left out " + c.address() + ": " + e.getMessage()));
                continue;
            }
            String name = c.name() == null || c.name().isBlank() ? address.user() : c.name();
            cards.add(ContactCard.of(name, address, c.group()));
        }
        return cards;
    }
}
