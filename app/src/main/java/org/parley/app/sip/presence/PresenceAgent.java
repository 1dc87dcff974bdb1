package org.parley.app.sip.presence;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sip.address.SipURI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.SipAddress;
import org.parley.app.chat.Tags;
import org.parley.app.presence.Watcher;
import org.parley.app.presence.WatcherDecision;
import org.parley.app.sip.Answer;
import org.parley.app.sip.Authorizer;
import org.parley.app.sip.CSeqs;
import org.parley.app.sip.ClientRequests;
import org.parley.app.sip.SipResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley as the presence agent of one account (peer-to-peer mode, RFC 3856 §6): a server without presence
 * support routes watchers' SUBSCRIBEs to the registered device, and this class answers them, keeps each
 * watcher's subscription dialog, and sends NOTIFYs with the account's current document. Only watchers the
 * user allowed see the state; blocked ones are declined (603); anyone else is accepted as {@code pending}
 * (202, NOTIFY without a document) and the user is asked.
 *
 * <p>A server that has its own presence agent answers SUBSCRIBEs itself, so none reach this class.
 *
 * <p>Threading: core thread only.
 */
public final class PresenceAgent {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceAgent.class);
    /** Longest subscription granted, and the default when a SUBSCRIBE names none (RFC 3856 §6.4). */
    static final int MAX_EXPIRES = 3600;
    /** Served subscriptions per account at most; more are refused with 503 (a flood must not exhaust memory). */
    static final int MAX_SERVED = 1000;
    private static final int RETRY_AFTER = 60;

    /** The user's standing decisions about watchers; empty = not decided yet. */
    public interface Policy {
        Optional<WatcherDecision> decisionFor(String account, SipAddress watcher);
    }

    /** Told on the core thread about watchers of our presence. */
    public interface Listener {
        /** Someone without a decision wants to watch; asked once per watcher while their request is pending. */
        void approvalNeeded(String account, SipAddress watcher, String displayName);

        /** The watchers served now (active and pending). */
        void watchersChanged(String account, List<Watcher> watchers);
    }

    private final String accountId;
    private final PresenceRequests requests;
    private final ClientRequests client;
    private final Authorizer authorizer;
    private final ScheduledExecutorService core;
    private final LongSupplier millis;
    private final Policy policy;
    private final Listener listener;
    private final Map<String, ServedSubscription> served = new LinkedHashMap<>();
    private final Set<SipAddress> asked = new HashSet<>();
    private byte[] document;
    private boolean stopped;

    public PresenceAgent(String accountId, PresenceRequests requests, ClientRequests client, Authorizer authorizer,
                         ScheduledExecutorService core, LongSupplier millis, Policy policy, Listener listener) {
        this.accountId = accountId;
        this.requests = requests;
        this.client = client;
        this.authorizer = authorizer;
        this.core = core;
        this.millis = millis;
        this.policy = policy;
        this.listener = listener;
    }

    /** The document allowed watchers see; sent to them now if it changed. */
    public void document(byte[] pidf) {
        if (document != null && java.util.Arrays.equals(document, pidf)) {
            return;
        }
        document = pidf.clone();
        for (ServedSubscription s : List.copyOf(served.values())) {
            if (s.state() == ServedSubscription.State.ACTIVE) {
                notifyState(s, "active", null, document);
            }
        }
    }

    /** The user decided about {@code watcher}: pending subscriptions become active or are ended. */
    public void decided(SipAddress watcher, WatcherDecision decision) {
        asked.remove(watcher);
        for (ServedSubscription s : List.copyOf(served.values())) {
            if (!s.watcher().equals(watcher)) {
                continue;
            }
            if (decision == WatcherDecision.BLOCK) {
                remove(s);
                notifyState(s, "terminated", "rejected", null);
            } else if (s.state() == ServedSubscription.State.PENDING) {
                s.activate();
                notifyState(s, "active", null, document);
            }
        }
        watchersChanged();
    }

    /** The number of subscriptions served now (active and pending). */
    public int size() {
        return served.size();
    }

    /** A SUBSCRIBE addressed to this account (initial, refresh or un-subscribe): how to answer it. */
    public Answer onSubscribe(Request request) {
        if (stopped) {
            return Answer.of(480);
        }
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (event == null || !PresenceRequests.EVENT.equalsIgnoreCase(event.getEventType())) {
            return Answer.of(489, "Bad Event", List.of(allowEvents()));
        }
        if (!acceptsPidf(request)) {
            return Answer.of(406, "Not Acceptable", List.of());
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        ExpiresHeader exp = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        int expires = exp == null ? MAX_EXPIRES : Math.min(exp.getExpires(), MAX_EXPIRES);
        if (to.getTag() != null) {
            return inDialog(request, callId, from.getTag(), to.getTag(), expires);
        }
        SipAddress watcher;
        try {
            watcher = watcherOf(from);
        } catch (IllegalArgumentException e) {
            return Answer.of(400, "Bad From address", List.of());
        }
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact == null || from.getTag() == null) {
            return Answer.of(400, contact == null ? "Missing Contact" : "Missing From tag", List.of());
        }
        Optional<WatcherDecision> decision = policy.decisionFor(accountId, watcher);
        if (decision.orElse(null) == WatcherDecision.BLOCK) {
            LOG.debug("{}: presence SUBSCRIBE from blocked {} declined", accountId, watcher);
            return Answer.of(603);
        }
        if (served.size() >= MAX_SERVED) {
            return Answer.of(503, "Too many watchers", List.of(retryAfter()));
        }
        String display = from.getAddress().getDisplayName();
        ServedSubscription s = new ServedSubscription(watcher, display == null ? "" : display, callId, Tags.random(),
                event.getEventId(), new SubscriptionDialog(from.getTag(), contact.getAddress().getURI(),
                        SubscriptionRoutes.asUas(request)));
        boolean allowed = decision.isPresent();
        if (allowed) {
            s.activate();
        }
        if (expires > 0) {
            served.put(key(callId, from.getTag()), s);
            armExpiry(s, expires);
            watchersChanged();
        }
        boolean ask = !allowed && asked.add(watcher);
        return new Answer(allowed ? 200 : 202, null, s.localTag(), answerHeaders(expires), () -> {
            if (expires == 0) { // a fetch (RFC 6665 §4.4.3): one NOTIFY, then the subscription is over
                notifyState(s, "terminated", "timeout", allowed ? document : null);
            } else {
                notifyState(s, allowed ? "active" : "pending", null, allowed ? document : null);
            }
            if (ask) {
                listener.approvalNeeded(accountId, watcher, s.displayName());
            }
        });
    }

    /** Sign-out: every watcher gets a last NOTIFY (the offline document where allowed) and the dialog ends. */
    public CompletableFuture<Void> stop(byte[] offline) {
        stopped = true;
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (ServedSubscription s : List.copyOf(served.values())) {
            remove(s);
            boolean active = s.state() == ServedSubscription.State.ACTIVE;
            sent.add(notifyState(s, "terminated", "deactivated", active ? offline : null));
        }
        asked.clear();
        watchersChanged();
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    private Answer inDialog(Request request, String callId, String fromTag, String toTag, int expires) {
        ServedSubscription s = served.get(key(callId, fromTag));
        if (s == null || !s.localTag().equals(toTag)) {
            return Answer.of(481);
        }
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact != null) {
            s.retarget(contact.getAddress().getURI());
        }
        boolean active = s.state() == ServedSubscription.State.ACTIVE;
        if (expires == 0) {
            remove(s);
            watchersChanged();
            return new Answer(200, null, toTag, answerHeaders(0),
                    () -> notifyState(s, "terminated", "timeout", active ? document : null));
        }
        armExpiry(s, expires);
        return new Answer(200, null, toTag, answerHeaders(expires),
                () -> notifyState(s, active ? "active" : "pending", null, active ? document : null));
    }

    private CompletableFuture<Void> notifyState(ServedSubscription s, String state, String reason, byte[] body) {
        Request r;
        try {
            int left = "terminated".equals(state) ? -1 : s.secondsLeft(millis.getAsLong());
            r = requests.notify(s.watcher(), s.callId(), s.localTag(), s.nextCSeq(), s.dialog(), s.eventId(),
                    requests.subscriptionState(state, left, reason), body);
        } catch (ParseException e) {
            LOG.warn("{}: cannot build NOTIFY to {}", accountId, s.watcher(), e);
            return CompletableFuture.completedFuture(null);
        }
        return client.send(r, authorizer).thenAccept(result -> {
            if (result instanceof SipResult.Final f) {
                s.followCSeq(CSeqs.next(f.response(), 0) - 1);
                int status = f.status();
                if (status == 481 || status == 408) {
                    gone(s, f.statusLine());
                }
            } else {
                gone(s, result instanceof SipResult.TimedOut ? "no answer" : "connection failed");
            }
        });
    }

    /** A NOTIFY that was refused as unknown or not answered ends the subscription (RFC 6665 §4.2.2). */
    private void gone(ServedSubscription s, String why) {
        if (served.values().remove(s)) {
            s.cancelExpiry();
            LOG.debug("{}: watcher {} gone ({})", accountId, s.watcher(), why);
            watchersChanged();
        }
    }

    private void armExpiry(ServedSubscription s, int seconds) {
        long now = millis.getAsLong();
        s.expiresAt(now + seconds * 1000L, core.schedule(() -> {
            if (served.values().remove(s)) {
                watchersChanged();
                notifyState(s, "terminated", "timeout", null);
            }
        }, seconds, TimeUnit.SECONDS));
    }

    private void remove(ServedSubscription s) {
        s.cancelExpiry();
        served.values().remove(s);
    }

    private void watchersChanged() {
        List<Watcher> now = new ArrayList<>();
        for (ServedSubscription s : served.values()) {
            now.add(new Watcher(s.callId(), s.watcher().toString(),
                    s.state() == ServedSubscription.State.ACTIVE ? "active" : "pending"));
        }
        listener.watchersChanged(accountId, now);
    }

    private List<Header> answerHeaders(int expires) {
        try {
            return List.of(requests.headers().createExpiresHeader(expires), requests.contact());
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("cannot build SUBSCRIBE answer headers", e);
        }
    }

    private Header allowEvents() {
        try {
            return requests.headers().createAllowEventsHeader(PresenceRequests.EVENT);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private Header retryAfter() {
        try {
            return requests.headers().createRetryAfterHeader(RETRY_AFTER);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No Accept means PIDF (RFC 3856 §6.3); otherwise one of them must cover it. */
    private static boolean acceptsPidf(Request request) {
        var it = request.getHeaders(AcceptHeader.NAME);
        if (it == null || !it.hasNext()) {
            return true;
        }
        while (it.hasNext()) {
            AcceptHeader a = (AcceptHeader) it.next();
            String type = a.getContentType() == null ? "*" : a.getContentType().toLowerCase(Locale.ROOT);
            String sub = a.getContentSubType() == null ? "*" : a.getContentSubType().toLowerCase(Locale.ROOT);
            if ((type.equals("*") || type.equals("application")) && (sub.equals("*") || sub.equals("pidf+xml"))) {
                return true;
            }
        }
        return false;
    }

    private static SipAddress watcherOf(FromHeader from) {
        if (from.getAddress().getURI() instanceof SipURI u) {
            return SipAddress.parse(u.getScheme() + ":" + u.getUser() + "@" + u.getHost());
        }
        throw new IllegalArgumentException("not a SIP address");
    }

    private static String key(String callId, String remoteTag) {
        return callId + ";" + remoteTag;
    }
}
