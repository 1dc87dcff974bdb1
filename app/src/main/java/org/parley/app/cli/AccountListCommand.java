package org.parley.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code parley account list [--json]}: the accounts, never their passwords. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts (without passwords).")
public final class AccountListCommand implements Callable<Integer> {
    @ParentCommand
    private AccountCommand parent;

    @Option(names = "--json", description = "One JSON object per account and line.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = parent.root().context();
        List<AccountRecord> accounts;
        try (Profile profile = parent.root().openProfile()) {
            accounts = profile.accounts().list();
        } catch (StorageException e) {
            throw CliException.storage(e);
        }
        if (json) {
            JsonLineWriter writer = JsonLineWriter.toStdout(context.console());
            accounts.forEach(a -> writer.write(toJson(writer.object(), a)));
        } else if (accounts.isEmpty()) {
            context.console().notice("No accounts yet; add one with: parley account add AOR");
        } else {
            printTable(context.console(), accounts);
        }
        return ExitCodes.OK;
    }

    private static ObjectNode toJson(ObjectNode node, AccountRecord a) {
        node.put("aor", a.aor()).put("auth_user", a.authUser()).put("proxy", a.proxy())
                .put("transport", a.transport().toLowerCase(Locale.ROOT)).put("expires", a.expiresSeconds())
                .put("trust_store", a.trustStorePath()).put("pin", a.pinnedCertSha256());
        return node;
    }

    private static void printTable(ConsoleOutput console, List<AccountRecord> accounts) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"AOR", "AUTH USER", "SERVER", "TRANSPORT", "EXPIRES", "TLS TRUST"});
        for (AccountRecord a : accounts) {
            rows.add(new String[] {a.aor(), a.authUser(), a.proxy() == null ? "(from AOR)" : a.proxy(),
                a.transport(), Integer.toString(a.expiresSeconds()), tls(a)});
        }
        Table.print(console, rows);
    }

    private static String tls(AccountRecord a) {
        List<String> parts = new ArrayList<>();
        if (a.trustStorePath() != null) {
            parts.add("store " + a.trustStorePath());
        }
        if (a.pinnedCertSha256() != null) {
            parts.add("pin " + a.pinnedCertSha256());
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }
}
