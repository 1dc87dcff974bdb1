package org.parley.app.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Response;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.app.chat.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one account registered: REGISTER with digest, refresh before expiry, keep-alives, a periodic
 * binding check (a registrar that restarted has forgotten us), re-registration with capped exponential
 * backoff, and un-REGISTER on stop.
 *
 * <p>Threading: core thread only. Timers are scheduled on the core executor; a generation counter
 * makes callbacks of superseded attempts no-ops.
 */
public final class Registration {
    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

    /** What the registration needs from its surroundings. */
    public record Setup(String accountId, RequestBuilder requests, ClientRequests client, Authorizer authorizer,
                        ScheduledExecutorService core, SipStackHost host, Transport transport, String proxyHost,
                        int proxyPort, int expires, Duration keepAlive, Backoff backoff,
                        Function<Exception, Optional<RegistrationState>> tlsRejection) {
    }

    private final Setup s;
    private final Consumer<RegistrationState> listener;
    private final String callId = UUID.randomUUID() + "@parley";
    private final String fromTag = Tags.random();
    private long cseq = 1;
    private int generation;
    private int requestedExpires;
    private RegistrationState state = new RegistrationState.Unregistered();
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> keepAliveTimer;
    private boolean stopped;
    /** The REGISTER awaiting its final answer, if any. */
    private CompletableFuture<SipResult> inFlight;
    /** Whether the registrar answered the last REGISTER that was answered or given up on. */
    private boolean registrarAnswers;

    public Registration(Setup setup, Consumer<RegistrationState> listener) {
        this.s = setup;
        this.listener = listener;
        this.requestedExpires = setup.expires();
    }

    public RegistrationState state() {
        return state;
    }

    public boolean isRegistered() {
        return state instanceof RegistrationState.Registered;
    }

    /** Registers now (also the user's "retry" after an auth or certificate failure). */
    public void start() {
        stopped = false;
        s.backoff().reset();
        register();
    }

    /**
     * Something suggests the registration is gone (a request failed on the transport or timed out):
     * check the binding now, and re-register if it is not there.
     */
    public void suspectLost(String why) {
        if (stopped || !isRegistered()) {
            return;
        }
        LOG.info("{}: checking registration ({})", s.accountId(), why);
        checkBinding();
    }

    /**
     * Removes the binding (bounded by the transaction timeout) and stops all timers. A REGISTER still unanswered
     * (a refresh, or a new registration with a registrar that has been answering) is waited for: the registrar
     * may be adding the binding right now, and an un-REGISTER that overtook it would leave the binding until it
     * expires. After an answer that refused our credentials nothing more is sent. A registrar that has never
     * answered is not waited for.
     */
    public CompletableFuture<Void> stop() {
        boolean wasRegistered = isRegistered();
        stopped = true;
        generation++;
        cancelTimers();
        CompletableFuture<SipResult> unanswered = inFlight;
        inFlight = null;
        if (unanswered != null && !unanswered.isDone() && registrarAnswers) {
            return unanswered.thenCompose(result -> {
                if (result instanceof SipResult.Final f) {
                    cseq = CSeqs.next(f.response(), cseq);
                    int status = f.status();
                    if (status != 401 && status != 407 && status != 403) {
                        return unregister();
                    }
                }
                change(new RegistrationState.Unregistered());
                return CompletableFuture.completedFuture(null);
            });
        }
        if (!wasRegistered) {
            change(new RegistrationState.Unregistered());
            return CompletableFuture.completedFuture(null);
        }
        return unregister();
    }

    private CompletableFuture<Void> unregister() {
        try {
            return s.client().send(s.requests().register(callId, fromTag, cseq++, 0), s.authorizer())
                    .thenAccept(r -> change(new RegistrationState.Unregistered()));
        } catch (ParseException e) {
            change(new RegistrationState.Unregistered());
            return CompletableFuture.completedFuture(null);
        }
    }

    private void register() {
        if (stopped) {
            return;
        }
        int gen = ++generation;
        cancelTimers();
        change(new RegistrationState.Registering());
        try {
            CompletableFuture<SipResult> answer = s.client().send(
                    s.requests().register(callId, fromTag, cseq++, requestedExpires), s.authorizer());
            inFlight = answer;
            answer.thenAccept(result -> {
                if (answer == inFlight) {
                    inFlight = null;
                }
                if (gen == generation) {
                    onRegisterResult(result);
                }
            });
        } catch (ParseException e) {
            LOG.error("{}: cannot build REGISTER", s.accountId(), e);
            change(new RegistrationState.Failed(0, "invalid account address"));
        }
    }

    private void onRegisterResult(SipResult result) {
        registrarAnswers = result instanceof SipResult.Final;
        if (result instanceof SipResult.Final f) {
            Response r = f.response();
            cseq = CSeqs.next(r, cseq);
            int status = r.getStatusCode();
            if (status / 100 == 2) {
                int granted = grantedExpires(r);
                if (granted <= 0) {
                    change(new RegistrationState.Failed(status, "the registrar did not keep the binding"));
                    return;
                }
                s.backoff().reset();
                change(new RegistrationState.Registered(granted));
                scheduleRefresh(granted);
                scheduleKeepAlive();
            } else if (status == 401 || status == 407) {
                change(new RegistrationState.AuthFailed());
            } else if (status == 403) {
                change(new RegistrationState.Forbidden(f.statusLine()));
            } else if (status == 423) {
                MinExpiresHeader min = (MinExpiresHeader) r.getHeader(MinExpiresHeader.NAME);
                if (min != null && min.getExpires() > requestedExpires) {
                    requestedExpires = min.getExpires();
                    register();
                } else {
                    change(new RegistrationState.Failed(status, r.getReasonPhrase()));
                }
            } else if (status == 408 || status == 480 || status / 100 == 5) {
                retryLater(f.statusLine());
            } else {
                change(new RegistrationState.Failed(status, r.getReasonPhrase()));
            }
        } else if (result instanceof SipResult.TimedOut) {
            retryLater("no answer");
        } else if (result instanceof SipResult.TransportFailed t) {
            Optional<RegistrationState> tls = s.tlsRejection().apply(t.cause());
            if (tls.isPresent()) {
                LOG.warn("{}: TLS certificate not trusted", s.accountId());
                change(tls.get());
            } else {
                LOG.debug("{}: transport failure", s.accountId(), t.cause());
                retryLater(shortReason(t.cause()));
            }
        }
    }

    private void retryLater(String detail) {
        Duration delay = s.backoff().next();
        change(new RegistrationState.Unreachable(detail, (int) Math.max(1, delay.toSeconds())));
        int gen = generation;
        cancelTimers();
        timer = s.core().schedule(() -> {
            if (gen == generation) {
                register();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleRefresh(int granted) {
        long delay = granted <= 60 ? granted * 500L : Math.max(granted * 500L, (granted - 30) * 1000L);
        int gen = generation;
        timer = s.core().schedule(() -> {
            if (gen == generation) {
                register();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void scheduleKeepAlive() {
        long period = s.keepAlive().toMillis();
        int gen = generation;
        keepAliveTimer = s.core().scheduleWithFixedDelay(() -> {
            if (gen == generation && isRegistered()) {
                keepAlive();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    private void keepAlive() {
        if (s.transport() != Transport.UDP) {
            try {
                s.host().sendHeartbeat(s.transport(), s.proxyHost(), s.proxyPort());
            } catch (java.io.IOException | RuntimeException e) {
                LOG.info("{}: connection to {}:{} lost", s.accountId(), s.proxyHost(), s.proxyPort());
                retryLater("connection lost");
                return;
            }
        }
        checkBinding();
    }

    /**
     * A REGISTER without Contact lists our bindings; if ours is missing the registrar forgot us. The answer
     * must come within {@link #probeTimeoutMillis()}: a registrar that is up answers in milliseconds, and
     * waiting for the transaction timeout (32 s over UDP) would leave the user believing they are online.
     */
    private void checkBinding() {
        int gen = generation;
        boolean[] settled = {false};
        ScheduledFuture<?> deadline = s.core().schedule(() -> {
            if (!settled[0] && gen == generation && !stopped) {
                settled[0] = true;
                retryLater("no answer");
            }
        }, probeTimeoutMillis(), TimeUnit.MILLISECONDS);
        try {
            s.client().send(s.requests().register(callId, fromTag, cseq++, -1), s.authorizer())
                    .thenAccept(result -> {
                        deadline.cancel(false);
                        if (settled[0] || gen != generation || stopped) {
                            return;
                        }
                        settled[0] = true;
                        if (result instanceof SipResult.Final answered) {
                            cseq = CSeqs.next(answered.response(), cseq);
                        }
                        if (result instanceof SipResult.Final f && f.status() / 100 == 2) {
                            if (!containsOurContact(f.response())) {
                                LOG.info("{}: registrar lost our binding, registering again", s.accountId());
                                // We were in fact not registered: say so, so that state kept at the server for
                                // this registration (presence publications and subscriptions) is set up again.
                                change(new RegistrationState.Unregistered());
                                register();
                            }
                        } else if (result instanceof SipResult.Final f && (f.status() == 401 || f.status() == 403)) {
                            onRegisterResult(result);
                        } else {
                            retryLater(result instanceof SipResult.TimedOut ? "no answer" : "connection lost");
                        }
                    });
        } catch (ParseException e) {
            LOG.error("{}: cannot build binding query", s.accountId(), e);
        }
    }

    private long probeTimeoutMillis() {
        return Math.max(2000, Math.min(8000, s.keepAlive().toMillis() * 2));
    }

    private boolean containsOurContact(Response r) {
        try {
            SipURI ours = (SipURI) s.requests().contact().getAddress().getURI();
            ListIterator<?> it = r.getHeaders(ContactHeader.NAME);
            while (it.hasNext()) {
                if (((ContactHeader) it.next()).getAddress().getURI() instanceof SipURI u
                        && ours.getUser().equals(u.getUser()) && ours.getHost().equalsIgnoreCase(u.getHost())
                        && ours.getPort() == u.getPort()) {
                    return true;
                }
            }
        } catch (ParseException e) {
            LOG.error("{}: cannot build contact", s.accountId(), e);
        }
        return false;
    }

    private int grantedExpires(Response r) {
        try {
            SipURI ours = (SipURI) s.requests().contact().getAddress().getURI();
            ListIterator<?> it = r.getHeaders(ContactHeader.NAME);
            while (it.hasNext()) {
                ContactHeader c = (ContactHeader) it.next();
                if (c.getAddress().getURI() instanceof SipURI u && ours.getUser().equals(u.getUser())
                        && ours.getHost().equalsIgnoreCase(u.getHost()) && ours.getPort() == u.getPort()
                        && c.getExpires() >= 0) {
                    return c.getExpires();
                }
            }
        } catch (ParseException e) {
            LOG.error("{}: cannot build contact", s.accountId(), e);
        }
        ExpiresHeader e = (ExpiresHeader) r.getHeader(ExpiresHeader.NAME);
        return e != null ? e.getExpires() : requestedExpires;
    }

    private void cancelTimers() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (keepAliveTimer != null) {
            keepAliveTimer.cancel(false);
            keepAliveTimer = null;
        }
    }

    private void change(RegistrationState next) {
        if (!next.equals(state)) {
            state = next;
            listener.accept(next);
        }
    }

    private static String shortReason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return "connection failed";
        }
        return m.length() > 80 ? m.substring(0, 80) : m;
    }
}
