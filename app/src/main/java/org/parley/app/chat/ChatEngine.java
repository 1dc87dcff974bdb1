package org.parley.app.chat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.parley.app.InvalidInput;
import org.parley.app.ParleyEvent;
import org.parley.app.SipAddress;
import org.parley.storage.DeliveryState;
import org.parley.storage.HistoryStore;
import org.parley.storage.MessageRecord;
import org.parley.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pager-mode chat (RFC 3428) over a {@link ChatTransport}: the outbox, delivery states, incoming messages with
 * de-duplication, and typing notifications.
 *
 * <p>Contract: a message is written to storage before it is sent; it stays QUEUED until a final answer
 * (SENT, STORED_OFFLINE or FAILED with the SIP reason). While the account is offline or the server is down it
 * waits and is sent, per peer in order, once registered again. An incoming message is answered 200 only
 * after it is on disk.
 *
 * <p>Threading: everything runs on the core executor, except {@link #send}, which may be called from any
 * thread. Storage completions are hopped back to the core executor.
 */
public final class ChatEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ChatEngine.class);
    /** Suffix of the Call-IDs Parley gives its messages: one Call-ID per message, kept across re-sends. */
    public static final String CALL_ID_SUFFIX = "@parley";
    static final int MAX_TRANSIENT_REJECTIONS = 5;
    /** No answer or a broken transport this often in a row while the account stayed registered: give up. */
    static final int MAX_SILENT_FAILURES = 6;
    private static final long RETRY_CAP_MILLIS = 30_000;

    private final HistoryStore history;
    private final ChatTransport transport;
    private final ScheduledExecutorService core;
    private final Consumer<ParleyEvent> emit;
    private final int maxBytes;
    private final Map<String, PeerQueue> queues = new HashMap<>();
    /** Ids whose final state is being written: storage still lists them as QUEUED. */
    private final java.util.Set<Long> settling = new java.util.HashSet<>();
    private final TypingTracker typing;
    private final ComposingSender composing;

    public ChatEngine(HistoryStore history, ChatTransport transport, ScheduledExecutorService core,
                      Consumer<ParleyEvent> emit, int maxBytes) {
        this.history = history;
        this.transport = transport;
        this.core = core;
        this.emit = emit;
        this.maxBytes = maxBytes;
        this.typing = new TypingTracker(core, emit);
        this.composing = new ComposingSender(core, transport);
    }

    /**
     * Queues a message durably and sends it when possible. Any thread.
     *
     * @return completes with the stored record; fails with IllegalArgumentException for a body over the limit
     */
    public CompletableFuture<MessageRecord> send(String account, SipAddress to, String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            return CompletableFuture.failedFuture(new InvalidInput(InvalidInput.Reason.MESSAGE_TOO_LONG,
                    "The message is too long (" + kib(bytes) + "); the limit is " + kib(maxBytes) + ".", kib(bytes),
                    kib(maxBytes)));
        }
        if (text.isEmpty()) {
            return CompletableFuture.failedFuture(new InvalidInput(InvalidInput.Reason.MESSAGE_EMPTY, "The message is empty."));
        }
        String callId = UUID.randomUUID() + CALL_ID_SUFFIX;
        return history.appendOutgoing(account, to.toString(), text, callId).thenApplyAsync(record -> {
            composing.messageSent(account, to);
            emit.accept(new ParleyEvent.MessageStateChanged(account, record.peer(), record.id(),
                    DeliveryState.QUEUED, null));
            PeerQueue q = queue(account, record.peer());
            if (!q.contains(record.id())) {
                q.items.add(record);
            }
            pump(account, record.peer(), q);
            return record;
        }, core);
    }

    /** The account is registered (again): load what storage still has queued and send it. Core thread. */
    public void accountOnline(String account) {
        List<MessageRecord> pending;
        try {
            pending = history.pendingOutgoing(account);
        } catch (StorageException e) {
            LOG.error("{}: cannot read the outbox", account, e);
            return;
        }
        for (MessageRecord m : pending) {
            PeerQueue q = queue(account, m.peer());
            if (!q.contains(m.id()) && !settling.contains(m.id())) {
                q.items.add(m);
            }
        }
        queues.forEach((key, q) -> {
            if (key.startsWith(account + '\n')) {
                q.cancelRetry();
                q.failuresInRow = 0;
                pump(account, key.substring(account.length() + 1), q);
            }
        });
    }

    public void setComposing(String account, SipAddress peer, boolean active) {
        composing.composing(account, peer, active);
    }

    /**
     * Handles a MESSAGE for one of our accounts. {@code respond} sends the final status; it is called exactly
     * once, on the core thread.
     */
    public void onIncoming(IncomingMessage m, IntConsumer respond) {
        if (m.body().length > maxBytes) {
            respond.accept(413);
            return;
        }
        if (m.contentType().equals(IsComposing.CONTENT_TYPE)) {
            Optional<IsComposing.State> state = IsComposing.parse(m.body());
            if (state.isEmpty()) {
                respond.accept(400);
                return;
            }
            typing.update(m.account(), m.from(), state.get());
            respond.accept(200);
            return;
        }
        if (!m.contentType().equals("text/plain")) {
            respond.accept(415);
            return;
        }
        String text = decode(m.body(), m.charset());
        history.appendIncoming(m.account(), m.from(), text, m.dedupKey()).whenCompleteAsync((stored, error) -> {
            if (error != null) {
                LOG.error("{}: cannot store an incoming message from {}", m.account(), m.from(), error);
                respond.accept(500);
                return;
            }
            respond.accept(200);
            typing.messageFrom(m.account(), m.from());
            stored.ifPresent(r -> emit.accept(new ParleyEvent.MessageReceived(r.account(), r.peer(), r.body(),
                    r.id(), r.createdAt() != null ? r.createdAt() : Instant.now())));
        }, core);
    }

    private void pump(String account, String peer, PeerQueue q) {
        if (q.inFlight || q.retry != null || q.items.isEmpty() || !transport.isRegistered(account)) {
            return;
        }
        MessageRecord head = q.items.peek();
        q.inFlight = true;
        if (q.address == null) {
            q.address = SipAddress.parse(head.peer());
        }
        transport.sendMessage(account, q.address, head.sipKey(), Tags.forCallId(head.sipKey()),
                "text/plain", head.body()).thenAccept(outcome -> onOutcome(account, peer, q, head, outcome));
    }

    private void onOutcome(String account, String peer, PeerQueue q, MessageRecord m, SendOutcome outcome) {
        q.inFlight = false;
        if (outcome instanceof SendOutcome.Accepted a) {
            finish(account, peer, q, m, a.stored() ? DeliveryState.STORED_OFFLINE : DeliveryState.SENT, null);
        } else if (outcome instanceof SendOutcome.Rejected r && !r.transientFailure()) {
            finish(account, peer, q, m, DeliveryState.FAILED, r.statusLine());
        } else if (outcome instanceof SendOutcome.Rejected r
                && ++q.transientRejections >= MAX_TRANSIENT_REJECTIONS) {
            finish(account, peer, q, m, DeliveryState.FAILED, r.statusLine());
        } else if (!(outcome instanceof SendOutcome.Rejected) && q.failuresInRow + 1 >= MAX_SILENT_FAILURES) {
            finish(account, peer, q, m, DeliveryState.FAILED, outcome instanceof SendOutcome.TransportFailed t
                    ? "Could not be sent: " + t.reason() : "No answer from the server");
        } else {
            if (!(outcome instanceof SendOutcome.Rejected)) {
                transport.suspectLost(account, outcome instanceof SendOutcome.NoAnswer ? "no answer" : "send failed");
            }
            long delay = Math.min(RETRY_CAP_MILLIS, 1000L << Math.min(q.failuresInRow++, 10));
            LOG.info("{}: message {} to {} not delivered ({}), retrying in {} ms", account, m.id(), peer,
                    outcome, delay);
            q.retry = core.schedule(() -> {
                q.retry = null;
                pump(account, peer, q);
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void finish(String account, String peer, PeerQueue q, MessageRecord m, DeliveryState state,
                        String reason) {
        LOG.debug("{}: message {} to {} is {}{}", account, m.id(), peer, state, reason == null ? "" : " (" + reason + ")");
        q.items.poll();
        q.transientRejections = 0;
        q.failuresInRow = 0;
        settling.add(m.id());
        history.updateState(m.id(), state, reason).whenCompleteAsync((ok, error) -> {
            settling.remove(m.id());
            if (error != null) {
                LOG.error("{}: cannot store the state of message {}", account, m.id(), error);
            }
            emit.accept(new ParleyEvent.MessageStateChanged(account, peer, m.id(), state, reason));
        }, core);
        pump(account, peer, q);
    }

    private PeerQueue queue(String account, String peer) {
        return queues.computeIfAbsent(account + '\n' + peer, k -> new PeerQueue());
    }

    private static String decode(byte[] body, String charset) {
        if (charset != null) {
            try {
                return new String(body, Charset.forName(charset));
            } catch (RuntimeException e) {
                LOG.debug("unknown charset {}, decoding as UTF-8", charset);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String kib(int bytes) {
        return bytes < 1024 ? bytes + " bytes" : (bytes / 1024) + " KiB";
    }
}
