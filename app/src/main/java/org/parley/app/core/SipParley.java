package org.parley.app.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.app.AccountConfig;
import org.parley.app.InvalidInput;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.ParleyListener;
import org.parley.app.RegistrationState;
import org.parley.app.SipAddress;
import org.parley.app.call.CallAudio;
import org.parley.app.chat.ChatEngine;
import org.parley.app.presence.PresenceState;
import org.parley.app.presence.WatcherDecision;
import org.parley.app.sip.SipSignalling;
import org.parley.storage.AccountRecord;
import org.parley.storage.MessageRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core facade: one profile's accounts, their SIP signalling and chats, on one core thread.
 *
 * <p>Threading: public methods may be called from any thread and hop to the core executor.
 */
final class SipParley implements Parley {
    private static final Logger LOG = LoggerFactory.getLogger(SipParley.class);
    private static final java.time.Duration TEST_PATIENCE = java.time.Duration.ofSeconds(10);

    private final Profile profile;
    private final CoreThread core = new CoreThread();
    private final EventHub events = new EventHub();
    private final Map<String, RegistrationState> states = new ConcurrentHashMap<>();
    private final CoreOptions options;
    private SipSignalling signalling;
    private final ChatEngine chat;
    private final PresenceEngine presence;
    private final WatcherPolicy watcherPolicy;
    private final CallEngine calls;
    private final org.parley.media.audio.AudioDevices devices = new org.parley.media.audio.JavaSoundDevices();
    /** Read when a call comes in (core thread) and when the ring starts (ring-control thread). */
    private volatile org.parley.app.call.CallPreferences preferences;
    private final CoreFiles files;
    private final InviteRouter[] router = new InviteRouter[1];
    private final org.parley.media.audio.Ringer ringer = new org.parley.media.audio.Ringer(
            () -> devices.openSpeaker(preferences.ringingDevice()), org.parley.media.audio.RingPattern.NORTH_AMERICA);
    /**
     * Opening or listing sound devices can take a while: the ring tone is started and stopped, and devices are
     * listed, off the core thread.
     */
    private final java.util.concurrent.ExecutorService ringing = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "parley-ring-control");
                t.setDaemon(true);
                return t;
            });
    private volatile List<String> accountIds = List.of();
    private volatile boolean closed;

    SipParley(Profile profile, CoreOptions options, FileSettings fileSettings) {
        this.profile = profile;
        this.options = options;
        this.preferences = new org.parley.app.call.CallPreferences(java.util.Optional.empty(), options.callWaiting());
        this.watcherPolicy = new WatcherPolicy(profile.preferences());
        this.presence = new PresenceEngine(events::publish, PresenceWiring.deviceId(profile), java.time.Clock.systemUTC(),
                watcherPolicy::decisionFor);
        this.calls = new CallEngine(new CallHost(), CallMediaFactories.standard(options),
                events::publish, core);
        this.files = new CoreFiles(() -> signalling, router, profile, fileSettings, MsrpFileMedia.factory(),
                events::publish, core);
        this.router[0] = new InviteRouter(calls, files.listener());
        this.signalling = newSignalling();
        this.chat = new ChatEngine(profile.history(), new SignallingRef(), core, events::publish,
                options.maxMessageBytes());
    }

    private SipSignalling newSignalling() {
        SipSignalling s = new SipSignalling(stackSettings(), core, this::onRegistrationState,
                (message, respond) -> chatEngine().onIncoming(message, respond));
        s.onPresence(presence);
        s.onCalls(router[0]);
        return s;
    }


    /** Hands the current signalling instance to the presence engine with every account's contacts. */
    private void attachPresence(List<String> ids) {
        PresenceWiring.attach(presence, signalling, ids, contactsByAccount());
    }

    private java.util.Map<String, List<org.parley.storage.ContactRecord>> contactsByAccount() {
        return PresenceWiring.contactsByAccount(profile);
    }

    private SipSignalling.Settings stackSettings() {
        return new SipSignalling.Settings(options.bindAddress(), options.port(), options.userAgent(),
                options.keepAlive(), options.retryBase(), options.retryCap(), options.sessionTimers());
    }

    /** The chat engine's view of whichever signalling instance is current (it is replaced on reload). */
    private final class SignallingRef implements org.parley.app.chat.ChatTransport {
        @Override
        public boolean isRegistered(String account) {
            return signalling.isRegistered(account);
        }

        @Override
        public CompletableFuture<org.parley.app.chat.SendOutcome> sendMessage(String account, SipAddress to,
                String callId, String fromTag, String contentType, String body) {
            return signalling.sendMessage(account, to, callId, fromTag, contentType, body);
        }

        @Override
        public void suspectLost(String account, String why) {
            signalling.suspectLost(account, why);
        }
    }

    private ChatEngine chatEngine() {
        return chat;
    }

    @Override
    public void start() {
        core.execute(this::startOnCore);
    }

    private void startOnCore() {
        List<AccountConfig> configs = new ArrayList<>();
        try {
            for (AccountRecord r : profile.accounts().list()) {
                try {
                    configs.add(AccountConfig.from(r));
                } catch (IllegalArgumentException e) {
                    LOG.warn("account {} skipped: {}", r.aor(), e.getMessage());
                    publishState(r.aor(), new RegistrationState.Failed(0, e.getMessage()));
                }
            }
        } catch (StorageException e) {
            LOG.error("cannot read accounts", e);
            return;
        }
        accountIds = configs.stream().map(AccountConfig::id).toList();
        try {
            signalling.start(configs);
            attachPresence(accountIds);
        } catch (IOException e) {
            LOG.error("SIP stack did not start", e);
            configs.forEach(c -> publishState(c.id(), new RegistrationState.Failed(0, "local SIP port unavailable")));
        }
    }

    private void onRegistrationState(String account, RegistrationState state) {
        LOG.info("{}: {}", account, state.describe());
        publishState(account, state);
        if (state instanceof RegistrationState.Registered) {
            chat.accountOnline(account);
        } else if (!(state instanceof RegistrationState.Registering)) {
            presence.accountOffline(account);
        }
    }

    private void publishState(String account, RegistrationState state) {
        states.put(account, state);
        events.publish(new ParleyEvent.RegistrationChanged(account, state));
    }

    @Override
    public void addListener(ParleyListener listener, Executor executor) {
        events.add(listener, executor);
    }

    @Override
    public CompletableFuture<MessageRecord> send(String account, String to, String text) {
        try {
            return chat.send(resolveAccount(account), SipAddress.parse(to), text);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void setComposing(String account, String peer, boolean composing) {
        SipAddress target = SipAddress.parse(peer);
        String from = resolveAccount(account);
        core.execute(() -> chat.setComposing(from, target, composing));
    }

    @Override
    public void retry(String account) {
        String id = resolveAccount(account);
        core.execute(() -> signalling.retry(id));
    }

    @Override
    public void reloadAccounts() {
        core.execute(() -> signalling.unregisterAll().orTimeout(3, TimeUnit.SECONDS).whenCompleteAsync((ok, e) -> {
            signalling.close();
            states.keySet().removeIf(k -> true);
            signalling = newSignalling();
            startOnCore();
        }, core));
    }

    @Override
    public void setPresence(PresenceState state, String note) {
        java.util.Objects.requireNonNull(state, "state");
        if (state == PresenceState.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a state one can choose.");
        }
        core.execute(() -> presence.setOwn(state, note, accountIds));
    }

    @Override
    public void setInCall(boolean active) {
        core.execute(() -> presence.setInCall(active, accountIds));
    }

    @Override
    public void contactsChanged() {
        core.execute(() -> {
            java.util.Map<String, List<org.parley.storage.ContactRecord>> contacts = contactsByAccount();
            accountIds.forEach(id -> presence.contactsChanged(id, contacts.getOrDefault(id, List.of())));
        });
    }

    @Override
    public CompletableFuture<org.parley.app.presence.Presence> presenceOf(String account, String contact) {
        String id = resolveAccount(account);
        String peer = SipAddress.parse(contact).toString();
        return CompletableFuture.supplyAsync(() -> presence.presenceOf(id, peer), core);
    }

    @Override
    public CompletableFuture<String> call(String account, String to, CallAudio audio) {
        String id = resolveAccount(account);
        SipAddress peer = SipAddress.parse(to);
        java.util.Objects.requireNonNull(audio, "audio");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return calls.call(id, peer, audio);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, core);
    }

    @Override
    public CompletableFuture<Void> answer(String callId, CallAudio audio) {
        java.util.Objects.requireNonNull(audio, "audio");
        return CompletableFuture.runAsync(() -> calls.answer(callId, audio), core);
    }

    @Override
    public void hangUp(String callId) {
        core.execute(() -> calls.hangUp(callId));
    }

    @Override
    public CompletableFuture<Boolean> hold(String callId, boolean held) {
        return CompletableFuture.supplyAsync(() -> calls.hold(callId, held), core);
    }

    @Override
    public CompletableFuture<Boolean> transfer(String callId, String target) {
        SipAddress to = SipAddress.parse(target);
        return CompletableFuture.supplyAsync(() -> calls.transfer(callId, to), core);
    }

    @Override
    public void setMuted(String callId, boolean muted) {
        core.execute(() -> calls.setMuted(callId, muted));
    }

    @Override
    public CompletableFuture<Boolean> sendDtmf(String callId, String digits) {
        return CompletableFuture.supplyAsync(() -> calls.sendDtmf(callId, digits), core);
    }

    @Override
    public CompletableFuture<java.util.Optional<org.parley.app.call.CallStats>> callStats(String callId) {
        return CompletableFuture.supplyAsync(() -> calls.stats(callId), core);
    }

    @Override
    public CompletableFuture<java.util.Optional<org.parley.app.call.CallLevels>> callLevels(String callId) {
        return CompletableFuture.supplyAsync(() -> calls.levels(callId), core);
    }

    @Override
    public CompletableFuture<org.parley.app.call.SoundDevices> soundDevices() {
        return CompletableFuture.supplyAsync(() -> new org.parley.app.call.SoundDevices(
                listed(devices.microphones()), listed(devices.speakers())), ringing);
    }

    private static List<org.parley.app.call.SoundDevices.Device> listed(
            List<org.parley.media.audio.AudioDevice> found) {
        return found.stream().map(d -> new org.parley.app.call.SoundDevices.Device(d.id(),
                d.description() == null || d.description().isBlank() ? d.id() : d.description(), d.isDefault()))
                .toList();
    }

    @Override
    public void setCallPreferences(org.parley.app.call.CallPreferences chosen) {
        preferences = java.util.Objects.requireNonNull(chosen, "preferences");
    }

    @Override
    public CompletableFuture<String> sendFile(String account, String to, java.nio.file.Path file) {
        return files.send(resolveAccount(account), SipAddress.parse(to), java.util.Objects.requireNonNull(file));
    }

    @Override
    public CompletableFuture<Void> acceptFile(String transferId, java.util.Optional<java.nio.file.Path> directory) {
        return files.accept(transferId, directory);
    }

    @Override
    public CompletableFuture<String> resumeFile(String transferId) {
        return files.resume(transferId);
    }

    @Override
    public void cancelFile(String transferId) {
        files.cancel(transferId);
    }

    /** The file side of the core (package tests play hostile senders through it). */
    CoreFiles files() {
        return files;
    }

    /** The call engine's view of the core: current signalling, presence, contacts. Core thread. */
    private final class CallHost implements CallEngine.Host {
        @Override
        public org.parley.app.sip.call.CallSignalling signalling() {
            return signalling.calls();
        }

        @Override
        public org.parley.app.sip.AccountRuntime account(String id) {
            return signalling.account(id);
        }

        @Override
        public String localAddress(org.parley.app.sip.AccountRuntime account) {
            return signalling.localAddress(account);
        }

        @Override
        public boolean doNotDisturb() {
            return presence.own() == PresenceState.DO_NOT_DISTURB;
        }

        @Override
        public boolean callWaiting() {
            return preferences.callWaiting();
        }

        @Override
        public void inCall(boolean active) {
            presence.setInCall(active, accountIds);
        }

        @Override
        public void ringing(boolean on) {
            if (!options.ring()) {
                return;
            }
            ringing.execute(on ? ringer::start : ringer::stop);
        }

        @Override
        public CompletableFuture<?> record(org.parley.app.sip.call.CallLeg leg, java.time.Instant started,
                                           java.util.Optional<java.time.Instant> answered,
                                           org.parley.app.call.CallEnd end, String codec) {
            try {
                return profile.calls().record(leg.account(), leg.peer().toString(),
                        leg.outgoing() ? org.parley.storage.Direction.OUT : org.parley.storage.Direction.IN,
                        started, answered, java.time.Instant.now(), end.code(), codec)
                        .whenComplete((r, e) -> {
                            if (e != null) {
                                LOG.warn("call with {} not kept in the history", leg.peer(), e);
                            }
                        });
            } catch (RuntimeException e) {
                LOG.warn("call with {} not kept in the history", leg.peer(), e);
                return CompletableFuture.completedFuture(null);
            }
        }

        @Override
        public java.util.Optional<String> contactName(String account, String peer) {
            try {
                return profile.contacts().list(account).stream()
                        .filter(c -> SipAddress.parse(c.address()).toString().equals(peer))
                        .map(org.parley.storage.ContactRecord::name).filter(n -> n != null && !n.isBlank())
                        .findFirst();
            } catch (StorageException | IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }

    @Override
    public CompletableFuture<Void> decideWatcher(String account, String watcher, WatcherDecision decision) {
        java.util.Objects.requireNonNull(decision, "decision");
        String id = resolveAccount(account);
        SipAddress who = SipAddress.parse(watcher);
        // The profile write blocks until committed: not on the core thread.
        return CompletableFuture.runAsync(() -> {
            try {
                watcherPolicy.decide(id, who, decision);
            } catch (StorageException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).thenRunAsync(() -> presence.decided(id, who, decision), core);
    }

    @Override
    public Map<String, WatcherDecision> watcherDecisions(String account) {
        return watcherPolicy.decisions(resolveAccount(account));
    }

    @Override
    public CompletableFuture<RegistrationState> testAccount(AccountRecord account) {
        AccountConfig config = AccountConfig.from(account);
        return CompletableFuture.supplyAsync(() -> AccountProbe.run(config, stackSettings(), core, TEST_PATIENCE),
                core).thenCompose(f -> f);
    }

    @Override
    public RegistrationState registrationState(String account) {
        return states.getOrDefault(resolveAccount(account), new RegistrationState.Unregistered());
    }

    @Override
    public Profile profile() {
        return profile;
    }

    private String resolveAccount(String account) {
        if (account != null) {
            return SipAddress.parse(account).toString();
        }
        List<String> ids = accountIds;
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        try {
            return profile.accounts().list().stream().findFirst().map(r -> SipAddress.parse(r.aor()).toString())
                    .orElseThrow(() -> new InvalidInput(InvalidInput.Reason.NO_ACCOUNT,
                            "There is no account: add one first."));
        } catch (StorageException e) {
            throw new InvalidInput(InvalidInput.Reason.ACCOUNTS_UNREADABLE, "The accounts cannot be read.", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            CompletableFuture.supplyAsync(() -> signalling.unregisterAll(), core).thenCompose(f -> f)
                    .get(3, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("un-registration did not finish within 3 s");
        } catch (Exception e) {
            LOG.warn("un-registration failed", e);
        }
        try {
            core.submit(() -> signalling.close()).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("SIP stack did not stop cleanly", e);
        }
        ringing.execute(ringer::close);
        ringing.shutdown();
        files.close();
        core.shutdownNow();
    }
}
