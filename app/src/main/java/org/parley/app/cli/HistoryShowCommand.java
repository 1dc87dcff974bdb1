package org.parley.app.cli;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.storage.AccountRecord;
import org.parley.storage.MessageRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley history show URI}: the latest messages with one peer, oldest first. Without --account the
 * conversations of all accounts with that peer are merged.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the conversation with a peer.")
public final class HistoryShowCommand implements Callable<Integer> {
    @ParentCommand
    private HistoryCommand parent;

    @Parameters(paramLabel = "URI", description = "The peer, e.g. sip:bob@example.com.")
    private String peer;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "The last N messages (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--account", paramLabel = "AOR", description = "Only this account's conversation.")
    private String account;

    @Option(names = "--json", description = "One JSON object per message and line.")
    private boolean json;

    @Override
    public Integer call() {
        int max = HistoryCommand.checkedLimit(limit);
        String address = AccountInput.aor(peer).toString();
        CliContext context = parent.root().context();
        List<MessageRecord> messages = new ArrayList<>();
        try (Profile profile = parent.root().openProfile()) {
            List<String> accounts = new ArrayList<>();
            if (account != null) {
                accounts.add(AccountLookup.require(profile, account));
            } else {
                AccountLookup.list(profile).stream().map(AccountRecord::aor).forEach(accounts::add);
            }
            for (String a : accounts) {
                messages.addAll(profile.history().conversation(a, address, Long.MAX_VALUE, max));
            }
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
        messages.sort(Comparator.comparingLong(MessageRecord::id).reversed());
        List<MessageRecord> latest = new ArrayList<>(messages.subList(0, Math.min(max, messages.size())));
        latest.sort(Comparator.comparingLong(MessageRecord::id));
        HistoryPrinter printer = new HistoryPrinter(context.console(),
                json ? JsonLineWriter.toStdout(context.console()) : null, ZoneId.systemDefault());
        latest.forEach(printer::message);
        if (latest.isEmpty() && !json) {
            context.console().notice("No messages with " + address + ".");
        }
        return ExitCodes.OK;
    }
}
