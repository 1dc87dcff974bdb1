package org.parley.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.app.ParleyEvent;
import org.parley.storage.MessageRecord;

/**
 * All stdout output of {@code parley run}, serialised through one thread ("parley-cli-output") so lines keep
 * their order and never interleave. Core events arrive on that thread (it is the listener executor); the
 * other methods may be called from any thread and hand their line to it.
 *
 * <p>Ordering promise: the {@code queued} reply to a send precedes every {@code message_state} line of that
 * message. While any send is between {@link #sendStarted()} and its reply, message_state events are held
 * back and released, in order, right after the reply.
 *
 * <p>After {@link #close()} further output is dropped silently (the core may still deliver a late event).
 */
final class RunOutput implements AutoCloseable {
    private final JsonLineWriter writer;
    private final Set<String> accounts;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-cli-output");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sendsInFlight = new AtomicInteger();
    /** Confined to the output thread. */
    private final List<ObjectNode> heldStates = new ArrayList<>();

    /** @param accounts events of these accounts only; empty for all */
    RunOutput(JsonLineWriter writer, Set<String> accounts) {
        this.writer = writer;
        this.accounts = Set.copyOf(accounts);
    }

    /** The executor to register the core listener with; drops tasks once closed instead of throwing. */
    Executor listenerExecutor() {
        return this::submit;
    }

    /** The core listener. Runs on the output thread. */
    void onEvent(ParleyEvent event) {
        if (!accounts.isEmpty() && !accounts.contains(event.account())) {
            return;
        }
        ObjectNode line = EventJson.of(event);
        if (line == null) {
            return;
        }
        if (event instanceof ParleyEvent.MessageStateChanged && sendsInFlight.get() > 0) {
            heldStates.add(line);
        } else {
            writer.write(line);
        }
    }

    /** The reply to a {@code call} command: the new call's id. */
    void calling(String callId, String to, JsonNode ref) {
        submit(() -> {
            ObjectNode line = EventJson.event("calling").put("call", callId).put("to", to);
            if (ref != null) {
                line.set("ref", ref);
            }
            writer.write(line);
        });
    }

    /** The reply to a {@code send_file} command: the transfer's id, once the offer is on its way. */
    void fileSending(String transferId, String to, JsonNode ref) {
        submit(() -> {
            ObjectNode line = EventJson.event("file_sending").put("transfer", transferId).put("to", to);
            if (ref != null) {
                line.set("ref", ref);
            }
            writer.write(line);
        });
    }

    /** The reply to a {@code stats} command. */
    void callStats(String callId, org.parley.app.call.CallStats s, JsonNode ref) {
        submit(() -> {
            ObjectNode line = EventJson.event("call_stats").put("call", callId).put("packets_sent", s.packetsSent())
                    .put("packets_received", s.packetsReceived()).put("loss_percent", s.lossPercent())
                    .put("jitter_ms", s.jitterMillis()).put("codec", s.codec()).put("encrypted", s.encrypted());
            if (s.roundTripMillis() >= 0) {
                line.put("rtt_ms", s.roundTripMillis());
            }
            if (ref != null) {
                line.set("ref", ref);
            }
            writer.write(line);
        });
    }

    void ready() {
        submit(() -> writer.write(EventJson.ready()));
    }

    void error(String reason, JsonNode ref) {
        submit(() -> writer.write(EventJson.error(reason, ref)));
    }

    /** Call before handing a message to the core; pair with {@link #queued} or {@link #sendFailed}. */
    void sendStarted() {
        sendsInFlight.incrementAndGet();
    }

    void queued(MessageRecord message, JsonNode ref) {
        submit(() -> {
            writer.write(EventJson.queued(message, ref));
            sendFinished();
        });
    }

    void sendFailed(String reason, JsonNode ref) {
        submit(() -> {
            writer.write(EventJson.error(reason, ref));
            sendFinished();
        });
    }

    /** Writes what is pending (waiting up to 5 s) and stops the output thread. */
    @Override
    public void close() {
        submit(() -> {
            heldStates.forEach(writer::write);
            heldStates.clear();
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                CliLog.DETAIL.warn("output thread did not finish within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendFinished() {
        if (sendsInFlight.decrementAndGet() == 0) {
            heldStates.forEach(writer::write);
            heldStates.clear();
        }
    }

    private void submit(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    CliLog.DETAIL.error("writing an event failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            CliLog.DETAIL.debug("output closed; dropped a line");
        }
    }
}
