package org.parley.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;

/**
 * The file transfers of one {@code parley run}: which offers wait (so {@code accept_file} may leave out the id),
 * which transfers are under way, and {@code --accept-files}. Its {@link #onEvent} runs on the core's thread and
 * only updates concurrent maps or asks the core to accept (which returns at once).
 */
final class RunFiles {
    private final Parley parley;
    private final RunOutput output;
    private final Optional<Path> autoAccept;
    private final Map<String, Boolean> offers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> live = new ConcurrentHashMap<>();

    /** @param autoAccept accept every offer into this folder; empty = wait for {@code accept_file} */
    RunFiles(Parley parley, RunOutput output, Optional<Path> autoAccept) {
        this.parley = parley;
        this.output = output;
        this.autoAccept = autoAccept;
    }

    void onEvent(ParleyEvent event) {
        if (event instanceof ParleyEvent.FileOffered o) {
            String id = o.offer().transferId();
            if (autoAccept.isPresent()) {
                live.put(id, true);
                parley.acceptFile(id, autoAccept);
            } else {
                offers.put(id, true);
            }
        } else if (event instanceof ParleyEvent.FileEnded e) {
            offers.remove(e.transferId());
            live.remove(e.transferId());
        }
    }

    /** Handles a file command; false when {@code command} is not one. */
    boolean handle(StdinCommand command, java.util.function.UnaryOperator<String> account) {
        try {
            if (command instanceof StdinCommand.SendFile s) {
                send(s, account.apply(s.account()));
            } else if (command instanceof StdinCommand.AcceptFile a) {
                String id = pick(a.transfer(), offers, "file offer");
                offers.remove(id);
                live.put(id, true);
                parley.acceptFile(id, Optional.ofNullable(a.dir()).map(Path::of)).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        live.remove(id);
                        output.error(sentence(failure, "The file could not be accepted"), a.ref());
                    }
                });
            } else if (command instanceof StdinCommand.DeclineFile d) {
                parley.cancelFile(pick(d.transfer(), offers, "file offer"));
            } else if (command instanceof StdinCommand.ResumeFile r) {
                parley.resumeFile(r.transfer()).whenComplete((id, failure) -> {
                    if (failure == null) {
                        live.put(id, true);
                    } else {
                        output.error(sentence(failure, "The transfer could not be resumed"), r.ref());
                    }
                });
            } else if (command instanceof StdinCommand.CancelFile c) {
                String id = c.transfer() != null ? c.transfer() : pick(null, live, "file transfer");
                parley.cancelFile(id);
            } else {
                return false;
            }
        } catch (IllegalArgumentException e) {
            output.error(e.getMessage(), ref(command));
        }
        return true;
    }

    private void send(StdinCommand.SendFile s, String account) {
        parley.sendFile(account, s.to(), Path.of(s.path())).whenComplete((id, failure) -> {
            if (failure == null) {
                live.put(id, true);
                output.fileSending(id, s.to(), s.ref());
            } else {
                output.error(sentence(failure, "The file could not be offered"), s.ref());
            }
        });
    }

    private static String pick(String named, Map<String, Boolean> from, String what) {
        if (named != null) {
            return named;
        }
        var ids = from.keySet().stream().toList();
        if (ids.size() != 1) {
            throw new IllegalArgumentException(ids.isEmpty() ? "There is no " + what + "."
                    : "There are several: name one with \"transfer\".");
        }
        return ids.get(0);
    }

    private static String sentence(Throwable failure, String what) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        CliLog.DETAIL.warn("{}", what, cause);
        return what + " (" + cause.getClass().getSimpleName() + ").";
    }

    private static JsonNode ref(StdinCommand command) {
        if (command instanceof StdinCommand.SendFile s) {
            return s.ref();
        } else if (command instanceof StdinCommand.AcceptFile a) {
            return a.ref();
        } else if (command instanceof StdinCommand.DeclineFile d) {
            return d.ref();
        } else if (command instanceof StdinCommand.CancelFile c) {
            return c.ref();
        } else if (command instanceof StdinCommand.ResumeFile r) {
            return r.ref();
        }
        return null;
    }
}
