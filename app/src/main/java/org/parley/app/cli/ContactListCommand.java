package org.parley.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley contact list [--account AOR] [--json]}: the contacts of one account, sorted by name. The table
 * shows "-" for a missing name or group; the JSON has null there.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the contacts of an account.")
public final class ContactListCommand implements Callable<Integer> {
    @ParentCommand
    private ContactCommand parent;

    @Option(names = "--account", paramLabel = "AOR", description = "Whose contact list (default: the first account).")
    private String account;

    @Option(names = "--json", description = "One JSON object per contact and line.")
    private boolean json;

    @Override
    public Integer call() {
        ContactCommand.checkAccountSyntax(account);
        CliContext context = parent.root().context();
        String owner;
        List<ContactRecord> contacts;
        try (Profile profile = parent.root().openProfile()) {
            owner = ContactCommand.account(profile, account);
            contacts = profile.contacts().list(owner);
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
        if (json) {
            JsonLineWriter writer = JsonLineWriter.toStdout(context.console());
            contacts.forEach(c -> writer.write(toJson(writer.object(), c)));
        } else if (contacts.isEmpty()) {
            context.console().notice(owner + " has no contacts yet; add one with: parley contact add ADDRESS");
        } else {
            printTable(context.console(), contacts);
        }
        return ExitCodes.OK;
    }

    private static ObjectNode toJson(ObjectNode node, ContactRecord c) {
        return node.put("account", c.account()).put("address", c.address()).put("name", c.name())
                .put("group", c.group());
    }

    private static void printTable(ConsoleOutput console, List<ContactRecord> contacts) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ADDRESS", "NAME", "GROUP"});
        for (ContactRecord c : contacts) {
            rows.add(new String[] {cell(c.address()), cell(c.name()), cell(c.group())});
        }
        Table.print(console, rows);
    }

    /** Stored text as one table cell: never empty, never a line break (entries may come from other programs). */
    private static String cell(String text) {
        String clean = text == null ? "" : ContactInput.oneLine(text);
        return clean.isEmpty() ? "-" : clean;
    }
}
