package org.parley.app.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.ParleyListener;
import org.parley.app.RegistrationState;
import org.parley.storage.DeliveryState;
import org.parley.storage.Direction;
import org.parley.storage.AccountRecord;
import org.parley.storage.MessageRecord;
import org.parley.storage.Profile;

/**
 * A scriptable {@link Parley} for CLI tests. Thread-safe. By default send() completes at once with a QUEUED
 * record (ids 1, 2, …); {@link #onSend} replaces that, {@link #onStart} runs when start() is called.
 * {@link #emit} delivers an event the way the core does: on the listener's executor.
 */
final class FakeParley implements Parley {
    /** Presence choices the face made, as "STATE:note". */
    public final java.util.List<String> presenceSet = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.concurrent.atomic.AtomicInteger contactsChanges = new java.util.concurrent.atomic.AtomicInteger();

    record Sent(String account, String to, String text) {
    }

    record Composing(String account, String peer, boolean active) {
    }

    interface SendHandler {
        CompletableFuture<MessageRecord> send(String account, String to, String text);
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<Composing> composing = new CopyOnWriteArrayList<>();
    final Map<String, RegistrationState> states = new ConcurrentHashMap<>();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong ids = new AtomicLong();
    private final Profile profile;
    private final java.util.List<java.util.Map.Entry<ParleyListener, Executor>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Consumer<FakeParley> onStart = p -> { };
    private volatile SendHandler onSend = this::queuedAtOnce;

    FakeParley(Profile profile) {
        this.profile = profile;
    }

    FakeParley onStart(Consumer<FakeParley> action) {
        this.onStart = action;
        return this;
    }

    FakeParley onSend(SendHandler handler) {
        this.onSend = handler;
        return this;
    }

    void emit(ParleyEvent event) {
        if (event instanceof ParleyEvent.RegistrationChanged r) {
            states.put(r.account(), r.state());
        }
        for (var l : listeners) {
            l.getValue().execute(() -> l.getKey().onEvent(event));
        }
    }

    MessageRecord queuedRecord(String account, String to, String text) {
        return new MessageRecord(ids.incrementAndGet(), account, to, Direction.OUT, text, Instant.now(),
                DeliveryState.QUEUED, null, "call-" + ids.get());
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    private CompletableFuture<MessageRecord> queuedAtOnce(String account, String to, String text) {
        return CompletableFuture.completedFuture(queuedRecord(account, to, text));
    }

    @Override
    public void start() {
        started.countDown();
        onStart.accept(this);
    }

    @Override
    public void addListener(ParleyListener listener, Executor executor) {
        listeners.add(java.util.Map.entry(listener, executor));
    }

    @Override
    public CompletableFuture<MessageRecord> send(String account, String to, String text) {
        sent.add(new Sent(account, to, text));
        return onSend.send(account, to, text);
    }

    @Override
    public void setComposing(String account, String peer, boolean composing) {
        if (!peer.contains("@")) {
            throw new IllegalArgumentException("\"" + peer + "\" is not a SIP address.");
        }
        this.composing.add(new Composing(account, peer, composing));
    }

    @Override
    public void retry(String account) {
        // The CLI never retries by itself; nothing to record.
    }

    @Override
    public void reloadAccounts() {
        // The CLI restarts the core instead; nothing to record.
    }

    @Override
    public CompletableFuture<RegistrationState> testAccount(AccountRecord account) {
        throw new UnsupportedOperationException("the CLI does not test accounts");
    }

    @Override
    public void setPresence(org.parley.app.presence.PresenceState state, String note) {
        presenceSet.add(state + ":" + note);
    }

    @Override
    public void setInCall(boolean active) {
        presenceSet.add("IN_CALL:" + active);
    }

    @Override
    public void contactsChanged() {
        contactsChanges.incrementAndGet();
    }

    @Override
    public CompletableFuture<org.parley.app.presence.Presence> presenceOf(String account, String contact) {
        return CompletableFuture.completedFuture(org.parley.app.presence.Presence.unknown(contact));
    }

    /** Watcher decisions as recorded: account -> watcher -> decision. */
    public final java.util.Map<String, java.util.Map<String, org.parley.app.presence.WatcherDecision>> watcherDecisions =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Void> decideWatcher(String account, String watcher,
                                                 org.parley.app.presence.WatcherDecision decision) {
        watcherDecisions.computeIfAbsent(account == null ? "" : account, a -> new java.util.concurrent.ConcurrentHashMap<>())
                .put(watcher, decision);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public java.util.Map<String, org.parley.app.presence.WatcherDecision> watcherDecisions(String account) {
        return java.util.Map.copyOf(watcherDecisions.getOrDefault(account == null ? "" : account, java.util.Map.of()));
    }

    /** Calls started, as "account->to". */
    public final java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.List<String> hungUp = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<String> call(String account, String to, org.parley.app.call.CallAudio audio) {
        calls.add(account + "->" + to);
        return CompletableFuture.completedFuture("call-" + calls.size());
    }

    @Override
    public CompletableFuture<Void> answer(String callId, org.parley.app.call.CallAudio audio) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void hangUp(String callId) {
        hungUp.add(callId);
    }

    @Override
    public CompletableFuture<java.util.Optional<org.parley.app.call.CallStats>> callStats(String callId) {
        return CompletableFuture.completedFuture(java.util.Optional.empty());
    }

    @Override
    public CompletableFuture<java.util.Optional<org.parley.app.call.CallLevels>> callLevels(String callId) {
        return CompletableFuture.completedFuture(java.util.Optional.empty());
    }

    @Override
    public CompletableFuture<org.parley.app.call.SoundDevices> soundDevices() {
        return CompletableFuture.completedFuture(org.parley.app.call.SoundDevices.none());
    }

    @Override
    public void setCallPreferences(org.parley.app.call.CallPreferences preferences) {
    }

    @Override
    public CompletableFuture<Boolean> hold(String callId, boolean held) {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletableFuture<Boolean> transfer(String callId, String target) {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public void setMuted(String callId, boolean muted) {
    }

    @Override
    public CompletableFuture<Boolean> sendDtmf(String callId, String digits) {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public RegistrationState registrationState(String account) {
        return states.getOrDefault(account, new RegistrationState.Unregistered());
    }

    @Override
    public Profile profile() {
        return profile;
    }

    @Override
    public void close() {
        closed.countDown();
    }

    /** Files offered, as "account->to:path"; accepted and cancelled transfer ids. */
    public final java.util.List<String> filesSent = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.List<String> filesAccepted = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.List<String> filesCancelled = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<String> sendFile(String account, String to, java.nio.file.Path file) {
        filesSent.add(account + "->" + to + ":" + file);
        return CompletableFuture.completedFuture("transfer-" + filesSent.size());
    }

    @Override
    public CompletableFuture<Void> acceptFile(String transferId, java.util.Optional<java.nio.file.Path> directory) {
        filesAccepted.add(transferId + directory.map(d -> ":" + d).orElse(""));
        return CompletableFuture.completedFuture(null);
    }

    /** Transfer ids asked to resume. */
    public final java.util.List<String> filesResumed = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<String> resumeFile(String transferId) {
        filesResumed.add(transferId);
        return CompletableFuture.completedFuture("resumed-" + filesResumed.size());
    }

    @Override
    public void cancelFile(String transferId) {
        filesCancelled.add(transferId);
    }
}
