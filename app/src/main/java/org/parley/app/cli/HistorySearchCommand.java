package org.parley.app.cli;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.storage.Profile;
import org.parley.storage.SearchHit;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code parley history search QUERY}: full-text search over all accounts, best matches first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Full-text search: words match whole, the last one also as a prefix.")
public final class HistorySearchCommand implements Callable<Integer> {
    @ParentCommand
    private HistoryCommand parent;

    @Parameters(paramLabel = "QUERY", description = "Words to look for.")
    private String query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "One JSON object per hit and line.")
    private boolean json;

    @Override
    public Integer call() {
        int max = HistoryCommand.checkedLimit(limit);
        if (query.isBlank()) {
            throw CliException.usage("The search query is empty.");
        }
        CliContext context = parent.root().context();
        List<SearchHit> hits;
        try (Profile profile = parent.root().openProfile()) {
            hits = profile.history().search(query, max);
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
        HistoryPrinter printer = new HistoryPrinter(context.console(),
                json ? JsonLineWriter.toStdout(context.console()) : null, ZoneId.systemDefault());
        hits.forEach(hit -> printer.hit(hit.message(), hit.snippet()));
        if (hits.isEmpty() && !json) {
            context.console().notice("No messages match.");
        }
        return ExitCodes.OK;
    }
}
