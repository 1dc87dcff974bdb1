package org.parley.ui.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.ParleyListener;
import org.parley.app.RegistrationState;
import org.parley.app.SipAddress;
import org.parley.storage.AccountRecord;
import org.parley.storage.MessageRecord;
import org.parley.storage.Profile;

/**
 * A {@link Parley} over a real profile without SIP: send() stores the message as QUEUED in the real history
 * (so paging and search see it) and records the call; {@link #emit} delivers an event the way the core does,
 * on the listener's executor. Thread-safe.
 */
public final class FakeParley implements Parley {
    /** Presence choices the face made, as "STATE:note". */
    public final java.util.List<String> presenceSet = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.concurrent.atomic.AtomicInteger contactsChanges = new java.util.concurrent.atomic.AtomicInteger();

    public record Sent(String account, String to, String text) {
    }

    public record Composing(String account, String peer, boolean active) {
    }

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<Composing> composing = new CopyOnWriteArrayList<>();
    public final List<String> retried = new CopyOnWriteArrayList<>();
    public final AtomicInteger reloads = new AtomicInteger();
    public final Map<String, RegistrationState> states = new ConcurrentHashMap<>();
    private final List<Map.Entry<ParleyListener, Executor>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong callIds = new AtomicLong();
    private final Profile profile;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile Runnable onReload = () -> { };
    private volatile java.util.function.Function<AccountRecord, CompletableFuture<RegistrationState>> onTest =
            r -> CompletableFuture.completedFuture(new RegistrationState.Registered(600));
    public final List<AccountRecord> tested = new CopyOnWriteArrayList<>();

    public FakeParley(Profile profile) {
        this.profile = profile;
    }

    /** What to do when the UI reloads the accounts (e.g. emit a registration outcome). */
    public FakeParley onReload(Runnable action) {
        this.onReload = action;
        return this;
    }

    /** What {@link #testAccount} answers (default: registered). */
    public FakeParley onTest(java.util.function.Function<AccountRecord, RegistrationState> answer) {
        this.onTest = r -> CompletableFuture.completedFuture(answer.apply(r));
        return this;
    }

    /** What {@link #testAccount} answers, later. */
    public FakeParley onTestLater(CompletableFuture<RegistrationState> answer) {
        this.onTest = r -> answer;
        return this;
    }

    public void emit(ParleyEvent event) {
        if (event instanceof ParleyEvent.RegistrationChanged r) {
            states.put(r.account(), r.state());
        }
        for (Map.Entry<ParleyListener, Executor> l : listeners) {
            l.getValue().execute(() -> l.getKey().onEvent(event));
        }
    }

    @Override
    public void start() {
        started = true;
    }

    public boolean started() {
        return started;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void addListener(ParleyListener listener, Executor executor) {
        listeners.add(Map.entry(listener, executor));
    }

    @Override
    public CompletableFuture<MessageRecord> send(String account, String to, String text) {
        sent.add(new Sent(account, to, text));
        String peer;
        try {
            peer = SipAddress.parse(to).toString();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Completed before returning, so tests with a same-thread Async see the message at once.
        return CompletableFuture.completedFuture(
                profile.history().appendOutgoing(account, peer, text, "call-" + callIds.incrementAndGet()).join());
    }

    @Override
    public void setComposing(String account, String peer, boolean active) {
        composing.add(new Composing(account, peer, active));
    }

    @Override
    public void retry(String account) {
        retried.add(account);
    }

    @Override
    public void reloadAccounts() {
        reloads.incrementAndGet();
        onReload.run();
    }

    @Override
    public CompletableFuture<RegistrationState> testAccount(AccountRecord account) {
        tested.add(account);
        return onTest.apply(account);
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
        audioUsed.add(audio);
        return CompletableFuture.completedFuture("call-" + calls.size());
    }

    /** The audio of each call made or answered, in order. */
    public final java.util.List<org.parley.app.call.CallAudio> audioUsed =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What {@link #callLevels} reports, {@link #soundDevices} lists; the preferences set, in order. */
    public volatile java.util.Optional<org.parley.app.call.CallLevels> levels = java.util.Optional.empty();
    public volatile org.parley.app.call.SoundDevices devices = org.parley.app.call.SoundDevices.none();
    public final java.util.List<org.parley.app.call.CallPreferences> preferences =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.concurrent.atomic.AtomicInteger levelsAsked = new java.util.concurrent.atomic.AtomicInteger();
    public final java.util.concurrent.atomic.AtomicInteger soundDevicesAsked = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public CompletableFuture<java.util.Optional<org.parley.app.call.CallLevels>> callLevels(String callId) {
        levelsAsked.incrementAndGet();
        return CompletableFuture.completedFuture(levels);
    }

    @Override
    public CompletableFuture<org.parley.app.call.SoundDevices> soundDevices() {
        soundDevicesAsked.incrementAndGet();
        return CompletableFuture.completedFuture(devices);
    }

    @Override
    public void setCallPreferences(org.parley.app.call.CallPreferences chosen) {
        preferences.add(chosen);
    }

    /** Calls answered, by id. */
    public final java.util.List<String> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Hold requests as "id:held", mute changes as "id:muted", key presses as "id:digits". */
    public final java.util.List<String> holds = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.List<String> mutes = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.List<String> dtmf = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What {@link #hold} and {@link #sendDtmf} complete with, and what {@link #callStats} reports. */
    public volatile boolean holdResult;
    public volatile boolean dtmfResult;
    public volatile java.util.Optional<org.parley.app.call.CallStats> stats = java.util.Optional.empty();
    /** Each {@link #callStats} request, by id. */
    public final java.util.List<String> statsAsked = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> answer(String callId, org.parley.app.call.CallAudio audio) {
        answered.add(callId);
        audioUsed.add(audio);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void hangUp(String callId) {
        hungUp.add(callId);
    }

    @Override
    public CompletableFuture<java.util.Optional<org.parley.app.call.CallStats>> callStats(String callId) {
        statsAsked.add(callId);
        return CompletableFuture.completedFuture(stats);
    }

    @Override
    public CompletableFuture<Boolean> hold(String callId, boolean held) {
        holds.add(callId + ":" + held);
        return CompletableFuture.completedFuture(holdResult);
    }

    @Override
    public CompletableFuture<Boolean> transfer(String callId, String target) {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public void setMuted(String callId, boolean muted) {
        mutes.add(callId + ":" + muted);
    }

    @Override
    public CompletableFuture<Boolean> sendDtmf(String callId, String digits) {
        dtmf.add(callId + ":" + digits);
        return CompletableFuture.completedFuture(dtmfResult);
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
        closed = true;
    }

    /** Files offered, as "account->to:path"; accepted and cancelled transfer ids. */
    public final java.util.List<String> filesSent = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.List<String> filesAccepted = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.List<String> filesCancelled = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What {@link #sendFile} answers; null (the default): at once, with "transfer-N". */
    public volatile java.util.function.Function<java.nio.file.Path, CompletableFuture<String>> sendFileAnswer;

    @Override
    public CompletableFuture<String> sendFile(String account, String to, java.nio.file.Path file) {
        filesSent.add(account + "->" + to + ":" + file);
        var answer = sendFileAnswer;
        return answer != null ? answer.apply(file) : CompletableFuture.completedFuture("transfer-" + filesSent.size());
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
