package org.parley.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.storage.MessageRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley send URI TEXT}: register, send one message, wait for its final state, un-register.
 * Prints {@code sent} or {@code stored for offline delivery} on stdout (exit 0); otherwise one sentence on
 * stderr and exit 5 (registration), 6 (delivery failed) or 7 (timeout). Nothing is sent when registration
 * fails. Everything happens on the command's thread; core events are only queued by the listener. Ctrl-C
 * still un-registers (shutdown hook).
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send one message and wait until it is delivered or stored for the offline peer.")
public final class SendCommand implements Callable<Integer> {
    @ParentCommand
    private ParleyCommand root;

    @Parameters(index = "0", paramLabel = "URI", description = "Recipient, e.g. sip:bob@example.com.")
    private String to;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The message (quote it).")
    private String text;

    @Option(names = "--account", paramLabel = "AOR", description = "Sending account (default: the first one).")
    private String account;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up after this long, 1..3600 (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw CliException.usage("--timeout must be from 1 to 3600 seconds.");
        }
        if (text.isEmpty()) {
            throw CliException.usage("The message text is empty.");
        }
        String recipient = AccountInput.aor(to).toString();
        CliContext context = root.context();
        try (CoreShutdown shutdown = new CoreShutdown(root.openProfile())) {
            Profile profile = shutdown.profile();
            String sender = account == null ? AccountLookup.first(profile) : AccountLookup.require(profile, account);
            Parley parley = CoreStart.open(root, profile);
            shutdown.attach(parley);
            shutdown.installHook();
            return report(context, deliver(parley, sender, recipient));
        }
    }

    private ParleyEvent.MessageStateChanged deliver(Parley parley, String sender, String recipient)
            throws InterruptedException {
        DeliveryWaiter waiter = new DeliveryWaiter(timeoutSeconds);
        parley.addListener(waiter, Runnable::run);
        CoreStart.start(parley);
        waiter.awaitRegistered(sender, parley.registrationState(sender));
        MessageRecord queued;
        try {
            queued = parley.send(sender, recipient, text).get(waiter.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw refused(e.getCause() == null ? e : e.getCause());
        } catch (IllegalArgumentException e) {
            throw refused(e);
        } catch (TimeoutException e) {
            throw new CliException(ExitCodes.TIMEOUT, "Timed out after " + timeoutSeconds
                    + " s while storing the message.");
        }
        return waiter.awaitFinalState(queued.id());
    }

    private static CliException refused(Throwable cause) {
        if (cause instanceof IllegalArgumentException || cause instanceof StorageException) {
            return new CliException(cause instanceof StorageException ? ExitCodes.FAILURE : ExitCodes.USAGE,
                    cause.getMessage(), cause);
        }
        return new CliException(ExitCodes.FAILURE, "The message could not be queued.", cause);
    }

    private static int report(CliContext context, ParleyEvent.MessageStateChanged outcome) {
        switch (outcome.state()) {
            case SENT:
                context.console().result("sent");
                return ExitCodes.OK;
            case STORED_OFFLINE:
                context.console().result("stored for offline delivery");
                return ExitCodes.OK;
            default:
                String reason = outcome.reason() == null ? "no reason given" : outcome.reason();
                reason = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
                throw new CliException(ExitCodes.DELIVERY_FAILED, "The message was not delivered: " + reason + ".");
        }
    }
}
