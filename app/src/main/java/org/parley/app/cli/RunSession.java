package org.parley.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.app.Parley;
import org.parley.app.call.CallState;
import org.parley.app.SipAddress;
import org.parley.storage.StorageException;

/**
 * The stdin half of {@code parley run}: reads command lines and hands them to the core until
 * {@code {"cmd":"quit"}} or end of input. Every bad line is answered with an {@code error} event; nothing a
 * client writes can end the loop except quit/EOF (or a failing stdin, treated as EOF).
 *
 * <p>Runs on the thread calling {@link #readCommands()}. Does not own the core or the output: the caller
 * closes them afterwards, in that order.
 */
final class RunSession {
    /** How long quit waits for sends not yet acknowledged by storage, so their replies are still written. */
    private static final long DRAIN_SECONDS = 5;

    private final Parley parley;
    private final RunOutput output;
    private final BoundedLineReader input;
    private final StdinCommandParser parser = new StdinCommandParser();
    private final Set<String> allowedAccounts;
    private final String defaultAccount;
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
    private final RunContacts contacts;
    private final RunCalls calls;
    private final RunFiles files;

    /**
     * @param allowedAccounts accounts the client may send from; empty for any
     * @param defaultAccount  account used when a command names none; null lets the core pick its first
     */
    RunSession(Parley parley, RunOutput output, BoundedLineReader input, Set<String> allowedAccounts,
               String defaultAccount) {
        this(parley, output, input, allowedAccounts, defaultAccount, new RunCalls(parley, java.util.Optional.empty()),
                java.util.Optional.empty());
    }

    /**
     * @param calls       tracks this run's calls; registered here as a core listener
     * @param acceptFiles accept every offered file into this folder; empty: wait for {@code accept_file}
     */
    RunSession(Parley parley, RunOutput output, BoundedLineReader input, Set<String> allowedAccounts,
               String defaultAccount, RunCalls calls, java.util.Optional<java.nio.file.Path> acceptFiles) {
        this.calls = calls;
        parley.addListener(calls::onEvent, Runnable::run);
        this.files = new RunFiles(parley, output, acceptFiles);
        parley.addListener(files::onEvent, Runnable::run);
        this.parley = parley;
        this.output = output;
        this.input = input;
        this.allowedAccounts = Set.copyOf(allowedAccounts);
        this.defaultAccount = defaultAccount;
        this.contacts = new RunContacts(parley, allowedAccounts, defaultAccount);
    }

    /** Blocks until quit or end of input, then waits (bounded) for pending send replies. */
    void readCommands() {
        try {
            BoundedLineReader.Line line;
            while ((line = input.next()) != null) {
                if (line.text() == null) {
                    output.error(line.problem(), null);
                } else if (!line.text().isBlank() && !dispatch(parser.parse(line.text()))) {
                    break;
                }
            }
        } catch (IOException e) {
            CliLog.DETAIL.warn("stdin failed; stopping as on end of input", e);
        }
        drain();
    }

    /** @return false for quit */
    private boolean dispatch(StdinCommand command) {
        if (command instanceof StdinCommand.Quit) {
            return false;
        }
        if (command instanceof StdinCommand.Invalid invalid) {
            output.error(invalid.reason(), invalid.ref());
        } else if (command instanceof StdinCommand.Send send) {
            send(send);
        } else if (files.handle(command, this::account)) {
            return true;
        } else if (command instanceof StdinCommand.Typing typing) {
            typing(typing);
        } else if (command instanceof StdinCommand.Presence presence) {
            presence(presence);
        } else if (command instanceof StdinCommand.ContactAdd add) {
            contactCommand(() -> contacts.add(add), add.ref());
        } else if (command instanceof StdinCommand.ContactRemove remove) {
            contactCommand(() -> contacts.remove(remove), remove.ref());
        } else if (command instanceof StdinCommand.Watcher watcher) {
            watcher(watcher);
        } else if (command instanceof StdinCommand.Call call) {
            call(call);
        } else if (command instanceof StdinCommand.Answer answer) {
            callCommand(() -> parley.answer(calls.pick(answer.call(), CallState.INCOMING),
                    RunCalls.files(answer.play(), answer.record())), answer.ref());
        } else if (command instanceof StdinCommand.Hangup hangup) {
            callCommand(() -> parley.hangUp(calls.pick(hangup.call(), null)), hangup.ref());
        } else if (command instanceof StdinCommand.Hold hold) {
            callCommand(() -> parley.hold(calls.pick(hold.call(), null), hold.held()).thenAccept(done -> {
                if (!done) {
                    output.error("The call cannot be " + (hold.held() ? "held" : "resumed") + " now.", hold.ref());
                }
            }), hold.ref());
        } else if (command instanceof StdinCommand.Stats stats) {
            callCommand(() -> {
                String id = calls.pick(stats.call(), null);
                parley.callStats(id).thenAccept(figures -> {
                    if (figures.isPresent()) {
                        output.callStats(id, figures.get(), stats.ref());
                    } else {
                        output.error("The call is not active.", stats.ref());
                    }
                });
            }, stats.ref());
        } else if (command instanceof StdinCommand.Transfer transfer) {
            callCommand(() -> parley.transfer(calls.pick(transfer.call(), CallState.ACTIVE), transfer.to())
                    .thenAccept(started -> {
                        if (!started) {
                            output.error("The call cannot be transferred now.", transfer.ref());
                        }
                    }), transfer.ref());
        } else if (command instanceof StdinCommand.Dtmf dtmf) {
            callCommand(() -> parley.sendDtmf(calls.pick(dtmf.call(), CallState.ACTIVE), dtmf.digits())
                    .thenAccept(sent -> {
                        if (!sent) {
                            output.error("The other side takes no key presses (telephone-event).", dtmf.ref());
                        }
                    }), dtmf.ref());
        }
        return true;
    }

    private void send(StdinCommand.Send send) {
        String account;
        try {
            account = account(send.account());
        } catch (IllegalArgumentException e) {
            output.error(e.getMessage(), send.ref());
            return;
        }
        output.sendStarted();
        CompletableFuture<?> reply;
        try {
            reply = parley.send(account, send.to(), send.text())
                    .whenComplete((message, failure) -> {
                        if (failure == null) {
                            output.queued(message, send.ref());
                        } else {
                            output.sendFailed(reason(failure), send.ref());
                        }
                    });
        } catch (RuntimeException e) {
            output.sendFailed(reason(e), send.ref());
            return;
        }
        inFlight.removeIf(CompletableFuture::isDone);
        inFlight.add(reply);
    }

    private void typing(StdinCommand.Typing typing) {
        try {
            parley.setComposing(account(typing.account()), typing.to(), typing.active());
        } catch (RuntimeException e) {
            output.error(reason(e), null);
        }
    }

    private void presence(StdinCommand.Presence presence) {
        try {
            parley.setPresence(presence.state(), presence.note());
        } catch (RuntimeException e) {
            output.error(sentence(e, "The presence could not be set"), presence.ref());
        }
    }

    private void call(StdinCommand.Call c) {
        try {
            parley.call(account(c.account()), c.to(), RunCalls.files(c.play(), c.record())).whenComplete((id, failure) -> {
                if (failure == null) {
                    output.calling(id, c.to(), c.ref());
                } else {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    output.error(sentence(cause instanceof Exception e ? e : new IllegalStateException(cause),
                            "The call could not be started"), c.ref());
                }
            });
        } catch (RuntimeException e) {
            output.error(sentence(e, "The call could not be started"), c.ref());
        }
    }

    private void callCommand(Runnable action, JsonNode ref) {
        try {
            action.run();
        } catch (RuntimeException e) {
            output.error(sentence(e, "The call command failed"), ref);
        }
    }

    private void watcher(StdinCommand.Watcher w) {
        try {
            parley.decideWatcher(account(w.account()), w.watcher(), w.decision()).whenComplete((ok, failure) -> {
                if (failure != null) {
                    output.error(sentence(failure instanceof CompletionException && failure.getCause() instanceof
                            Exception c ? c : new IllegalStateException(failure), "The decision could not be kept"),
                            w.ref());
                }
            });
        } catch (RuntimeException e) {
            output.error(sentence(e, "The decision could not be kept"), w.ref());
        }
    }

    /** A contact change that must not end the loop; its failure becomes an error event. */
    private interface ContactChange {
        void run() throws StorageException;
    }

    private void contactCommand(ContactChange change, JsonNode ref) {
        try {
            change.run();
        } catch (StorageException | RuntimeException e) {
            output.error(sentence(e, "The contact list could not be changed"), ref);
        }
    }

    /** The user-fit sentence of an expected refusal; anything else is logged and named by its class. */
    private static String sentence(Exception e, String what) {
        if ((e instanceof CliException || e instanceof IllegalArgumentException || e instanceof StorageException)
                && e.getMessage() != null) {
            return e.getMessage();
        }
        CliLog.DETAIL.warn("{}", what, e);
        return what + " (" + e.getClass().getSimpleName() + ").";
    }

    /** The account to use: the named one (normalised, and allowed), else the default. */
    private String account(String named) {
        if (named == null) {
            return defaultAccount;
        }
        String account = SipAddress.parse(named).toString();
        if (!allowedAccounts.isEmpty() && !allowedAccounts.contains(account)) {
            throw new IllegalArgumentException("The account " + account + " is not one this run was started for.");
        }
        return account;
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if ((cause instanceof IllegalArgumentException || cause instanceof StorageException)
                && cause.getMessage() != null) {
            return cause.getMessage();
        }
        CliLog.DETAIL.warn("send failed", cause);
        return "The message could not be queued (" + cause.getClass().getSimpleName() + ").";
    }

    private void drain() {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // each failure was already reported as an error event
        } catch (TimeoutException e) {
            CliLog.DETAIL.warn("{} send(s) not acknowledged by storage within {} s", inFlight.size(), DRAIN_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
