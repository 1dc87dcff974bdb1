package org.parley.app.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.parley.app.AccountConfig;
import org.parley.app.RegistrationState;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.app.chat.ChatTransport;
import org.parley.app.chat.IncomingMessage;
import org.parley.app.chat.SendOutcome;
import org.parley.app.presence.WatcherDecision;
import org.parley.app.sip.call.CallSignalling;
import org.parley.app.sip.call.SessionTimerPolicy;
import org.parley.app.sip.presence.AccountPresence;
import org.parley.app.sip.presence.PresenceRequests;
import org.parley.app.sip.presence.PublishOutcome;
import org.parley.app.sip.presence.Subscription;
import org.parley.app.sip.presence.SubscriptionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All SIP signalling of one core: one jain-sip stack shared by the accounts, their registrations, outgoing
 * and incoming requests. The rest of Parley sees it through {@link ChatTransport} and the callbacks given
 * to the constructor; no jain-sip type leaves this package.
 *
 * <p>Threading: core thread only, including construction callbacks (they are invoked on the core thread).
 */
public final class SipSignalling implements SipEvents, ChatTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SipSignalling.class);
    /** RFC 3261 §18.1.1: a request within 200 bytes of a 1500-byte MTU must not go over UDP. */
    private static final int UDP_LIMIT = 1300;
    /** Generous estimate of a MESSAGE's headers, for choosing the transport before building it. */
    private static final int HEADER_ALLOWANCE = 700;

    /**
     * Settings that apply to the whole stack.
     *
     * @param sessionTimers the session intervals (RFC 4028) calls accept and ask for
     */
    public record Settings(String bindAddress, int port, String userAgent, Duration keepAlive, Duration retryBase,
                           Duration retryCap, SessionTimerPolicy sessionTimers) {
        public Settings {
            Objects.requireNonNull(sessionTimers, "sessionTimers");
        }

        /** Settings with the {@link SessionTimerPolicy#STANDARD standard} session timers. */
        public Settings(String bindAddress, int port, String userAgent, Duration keepAlive, Duration retryBase,
                        Duration retryCap) {
            this(bindAddress, port, userAgent, keepAlive, retryBase, retryCap, SessionTimerPolicy.STANDARD);
        }
    }

    /** Receives registration state changes, on the core thread. */
    @FunctionalInterface
    public interface RegistrationListener {
        void changed(String account, RegistrationState state);
    }

    private final Settings settings;
    private final ScheduledExecutorService core;
    private final RegistrationListener registrations;
    private final BiConsumer<IncomingMessage, IntConsumer> messages;
    private final SipSecurity security = new SipSecurity();
    private final Map<String, AccountRuntime> accounts = new LinkedHashMap<>();
    private final Map<String, AccountPresence> presence = new LinkedHashMap<>();
    private AccountPresence.Listener presenceListener = new AccountPresence.Listener() {
        @Override
        public void published(String account, PublishOutcome outcome) {
        }

        @Override
        public void notified(String account, SipAddress contact, byte[] body, String type, SubscriptionState state) {
        }

        @Override
        public void ended(String account, SipAddress contact, String reason) {
        }
    };
    private SipStackHost host;
    private ClientRequests client;
    private InboundRequests inbound;
    private CallSignalling calls;
    private CallSignalling.Listener callListener;
    private boolean stopped;

    public SipSignalling(Settings settings, ScheduledExecutorService core, RegistrationListener registrations,
                         BiConsumer<IncomingMessage, IntConsumer> messages) {
        this.settings = settings;
        this.core = core;
        this.registrations = registrations;
        this.messages = messages;
    }

    /**
     * Starts the stack and registers every account.
     *
     * @throws IOException when the local SIP ports cannot be bound
     */
    public void start(List<AccountConfig> configs) throws IOException {
        boolean tls = configs.stream().anyMatch(c -> c.transport() == Transport.TLS);
        host = SipStackHost.start(settings.bindAddress(), settings.port(), tls, security.stackProperties(configs),
                core, this);
        client = new ClientRequests(host);
        inbound = new InboundRequests(host, security.requestGate(), this::accountFor, messages);
        inbound.onNotify(this::onNotify);
        inbound.onSubscribe(this::onSubscribe);
        if (callListener != null) {
            calls = new CallSignalling(host, callListener, core, settings.sessionTimers());
            inbound.onCalls(new InboundRequests.Calls() {
                @Override
                public void onInvite(RequestEvent event, ServerTransaction tx, String account) {
                    calls.onInvite(event, tx, accounts.get(account));
                }

                @Override
                public boolean onRequest(RequestEvent event, ServerTransaction tx) {
                    return calls.onRequest(event, tx);
                }

                @Override
                public boolean onReinvite(RequestEvent event, ServerTransaction tx) {
                    return calls.onReinvite(event, tx);
                }
            });
        }
        for (AccountConfig c : configs) {
            RequestBuilder rb = new RequestBuilder(host, c.aor(), c.proxyHost(), c.proxyPort(), c.transport(),
                    settings.userAgent());
            Authorizer authorizer = security.authorizer(host, c);
            Registration.Setup setup = new Registration.Setup(c.id(), rb, client, authorizer, core, host,
                    c.transport(), c.proxyHost(), c.proxyPort(), c.expiresSeconds(), settings.keepAlive(),
                    new Backoff(settings.retryBase(), settings.retryCap()), e -> security.tlsRejection(e, c));
            AccountPresence p = new AccountPresence(c.id(), new PresenceRequests(host, rb, c.aor()), client, authorizer,
                    core, settings.retryBase(), settings.retryCap(), presenceListener);
            presence.put(c.id(), p);
            Registration registration = new Registration(setup, state -> {
                registrations.changed(c.id(), state);
                if (state instanceof RegistrationState.Registered) {
                    p.registered();
                } else if (!(state instanceof RegistrationState.Registering)) {
                    p.lost();
                }
            });
            accounts.put(c.id(), new AccountRuntime(c, rb, authorizer, registration));
        }
        accounts.values().forEach(a -> a.registration().start());
    }

    /** Registers one account again now (the user's "retry"). */
    public void retry(String account) {
        AccountRuntime a = accounts.get(account);
        if (a != null) {
            a.registration().start();
        }
    }

    /** Receives call events (set before {@link #start}); core thread. Without it, INVITEs are refused (480). */
    public void onCalls(CallSignalling.Listener listener) {
        this.callListener = listener;
    }

    /** The INVITE dialogs, once started. */
    public CallSignalling calls() {
        return calls;
    }

    /** The running account {@code id}, or null. */
    public AccountRuntime account(String id) {
        return accounts.get(id);
    }

    /** Our address as the account's Contact shows it (for SDP). */
    public String localAddress(AccountRuntime account) {
        try {
            return ((SipURI) account.requests().contact().getAddress().getURI()).getHost();
        } catch (ParseException e) {
            throw new IllegalStateException("no local address for " + account.config().id(), e);
        }
    }

    /** Receives presence events of every account (set before {@link #start}); core thread. */
    public void onPresence(AccountPresence.Listener listener) {
        this.presenceListener = listener;
    }

    /** Sets the PIDF document {@code account} publishes (now, or once registered). */
    public void publish(String account, byte[] pidf) {
        AccountPresence p = presence.get(account);
        if (p != null) {
            p.publish(pidf);
        }
    }

    /** Sets the document {@code account} publishes just before removing its state at sign-out. */
    public void signOutDocument(String account, byte[] pidf) {
        AccountPresence p = presence.get(account);
        if (p != null) {
            p.signOutDocument(pidf);
        }
    }

    /** Makes {@code account}'s watched contacts exactly {@code contacts}. */
    public void watch(String account, List<SipAddress> contacts) {
        AccountPresence p = presence.get(account);
        if (p != null) {
            p.watch(contacts);
        }
    }

    /** A SUBSCRIBE to one of our accounts: served by its presence agent (peer-to-peer presence). */
    private Answer onSubscribe(String account, Request subscribe) {
        AccountPresence p = presence.get(account);
        return p == null ? Answer.of(404) : p.onSubscribe(subscribe);
    }

    /** The user decided about someone who watches {@code account}'s presence (peer-to-peer mode). */
    public void decided(String account, SipAddress watcher, WatcherDecision decision) {
        AccountPresence p = presence.get(account);
        if (p != null) {
            p.decided(watcher, decision);
        }
    }

    /** A NOTIFY: handled by the subscription whose Call-ID it carries, else 481 (RFC 6665 §4.1.3). */
    private int onNotify(Request notify) {
        int forCall = calls == null ? -1 : calls.onNotify(notify);
        if (forCall >= 0) {
            return forCall;
        }
        for (AccountPresence p : presence.values()) {
            Optional<Subscription> sub = p.forNotify(notify);
            if (sub.isPresent()) {
                return sub.get().onNotify(notify);
            }
        }
        return 481;
    }

    /**
     * Removes every publication, ends every subscription and un-registers every account; completes when all have
     * answered or timed out.
     */
    public CompletableFuture<Void> unregisterAll() {
        stopped = true;
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        if (calls != null) {
            calls.hangUpAll();
        }
        presence.values().forEach(p -> stops.add(p.stop()));
        accounts.values().forEach(a -> stops.add(a.registration().stop()));
        return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
    }

    /** Stops the stack; pending requests fail. */
    public void close() {
        stopped = true;
        if (client != null) {
            client.cancelAll();
        }
        if (host != null) {
            host.close();
        }
        security.close();
    }

    // ---- ChatTransport ----

    @Override
    public boolean isRegistered(String account) {
        AccountRuntime a = accounts.get(account);
        return a != null && a.registration().isRegistered();
    }

    @Override
    public CompletableFuture<SendOutcome> sendMessage(String account, SipAddress to, String callId, String fromTag,
                                                      String contentType, String body) {
        AccountRuntime a = accounts.get(account);
        if (a == null || client == null) {
            return CompletableFuture.completedFuture(new SendOutcome.TransportFailed("account not active"));
        }
        Transport transport = a.config().transport();
        if (transport == Transport.UDP
                && body.getBytes(StandardCharsets.UTF_8).length + HEADER_ALLOWANCE > UDP_LIMIT) {
            transport = Transport.TCP;
        }
        Request request;
        try {
            request = a.requests().message(to, callId, fromTag, 1, contentType, body, transport);
        } catch (ParseException e) {
            return CompletableFuture.completedFuture(new SendOutcome.Rejected(0, "invalid address " + to));
        }
        return client.send(request, a.authorizer()).thenApply(SipSignalling::outcome);
    }

    private static SendOutcome outcome(SipResult result) {
        if (result instanceof SipResult.Final f) {
            if (f.status() / 100 == 2) {
                return new SendOutcome.Accepted(f.status() == 202);
            }
            return new SendOutcome.Rejected(f.status(), f.statusLine());
        }
        if (result instanceof SipResult.TimedOut) {
            return new SendOutcome.NoAnswer();
        }
        Exception cause = ((SipResult.TransportFailed) result).cause();
        return new SendOutcome.TransportFailed(cause.getMessage() == null ? "send failed" : cause.getMessage());
    }

    @Override
    public void suspectLost(String account, String why) {
        AccountRuntime a = accounts.get(account);
        if (a != null) {
            a.registration().suspectLost(why);
        }
    }

    // ---- SipEvents ----

    @Override
    public void onRequest(RequestEvent event) {
        if (inbound != null && !stopped) {
            inbound.onRequest(event);
        }
    }

    @Override
    public void onResponse(ResponseEvent event) {
        if (calls != null && calls.onResponse(event)) {
            return;
        }
        if (client != null) {
            client.onResponse(event);
        }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        if (calls != null && calls.onTimeout(transaction)) {
            return;
        }
        if (client != null) {
            client.onTimeout(transaction);
        }
    }

    @Override
    public void onTransportError(String peerHost, int peerPort, String transport) {
        LOG.info("transport error towards {}:{} ({})", peerHost, peerPort, transport);
        if (client != null) {
            client.onTransportError(peerHost, peerPort);
        }
    }

    private Optional<String> accountFor(Request request) {
        String user = request.getRequestURI() instanceof SipURI u ? u.getUser() : null;
        String byUser = null;
        int matches = 0;
        for (AccountRuntime a : accounts.values()) {
            if (a.config().aor().user().equals(user)) {
                byUser = a.config().id();
                matches++;
            }
        }
        if (matches == 1) {
            return Optional.of(byUser);
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to != null && to.getAddress().getURI() instanceof SipURI t) {
            String key = t.getUser() + "@" + t.getHost();
            return accounts.values().stream().filter(a -> a.config().aor().key().equalsIgnoreCase(key))
                    .map(a -> a.config().id()).findFirst();
        }
        return Optional.empty();
    }
}
