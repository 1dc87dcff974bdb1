package org.parley.app.sip.presence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import org.parley.app.SipAddress;
import org.parley.app.presence.Watcher;
import org.parley.app.presence.WatcherDecision;
import org.parley.app.sip.Answer;
import org.parley.app.sip.Authorizer;
import org.parley.app.sip.Backoff;
import org.parley.app.sip.ClientRequests;

/**
 * Presence of one account: our publication and our subscriptions, started when the account is registered and
 * paused when it is not (the server would refuse or lose them). The document to publish is kept, so a new
 * registration publishes it again.
 *
 * <p>Threading: core thread only.
 */
public final class AccountPresence {
    /** Default expiry asked for publications and subscriptions (seconds). */
    static final int EXPIRES = 600;

    /** Receives presence events of the account, on the core thread. */
    public interface Listener {
        void published(String account, PublishOutcome outcome);

        void notified(String account, SipAddress contact, byte[] body, String contentType, SubscriptionState state);

        void ended(String account, SipAddress contact, String reason);

        /** A watcher-info NOTIFY about who watches our own presence (RFC 3857); empty body = nothing known. */
        default void watchers(String account, byte[] body, SubscriptionState state) {
        }

        /** A watched contact cannot be reached now (peer-to-peer: not signed in); tried again later. */
        default void unreachable(String account, SipAddress contact, String reason) {
        }

        /** The user's standing decision about a watcher we serve ourselves (peer-to-peer mode). */
        default Optional<WatcherDecision> decisionFor(String account, SipAddress watcher) {
            return Optional.empty();
        }

        /** See {@link PresenceAgent.Listener#approvalNeeded}. */
        default void approvalNeeded(String account, SipAddress watcher, String displayName) {
        }

        /** The watchers we serve ourselves now (peer-to-peer mode), active and pending. */
        default void servedWatchers(String account, List<Watcher> watchers) {
        }
    }

    private final String accountId;
    private final Publisher publisher;
    private final Subscriptions subscriptions;
    private final Subscription watcherInfo;
    private final PresenceAgent agent;
    private byte[] document;
    private byte[] offline;
    private boolean registered;

    public AccountPresence(String accountId, PresenceRequests requests, ClientRequests client, Authorizer authorizer,
                           ScheduledExecutorService core, Duration retryBase, Duration retryCap, Listener listener) {
        this.accountId = accountId;
        this.publisher = new Publisher(new Publisher.Setup(accountId, requests, client, authorizer, core,
                new Backoff(retryBase, retryCap), EXPIRES), outcome -> listener.published(accountId, outcome));
        Subscription.Listener forward = new Subscription.Listener() {
            @Override
            public void notified(Subscription s, byte[] body, String contentType, SubscriptionState state) {
                listener.notified(accountId, s.contact(), body, contentType, state);
            }

            @Override
            public void ended(Subscription s, String reason) {
                listener.ended(accountId, s.contact(), reason);
            }

            @Override
            public void unreachable(Subscription s, String reason) {
                listener.unreachable(accountId, s.contact(), reason);
            }
        };
        this.subscriptions = new Subscriptions(core, contact -> new Subscription(new Subscription.Setup(accountId,
                contact, EventPackage.PRESENCE, requests, client, authorizer, core, new Backoff(retryBase, retryCap),
                EXPIRES), forward));
        this.watcherInfo = new Subscription(new Subscription.Setup(accountId, SipAddress.parse(accountId),
                EventPackage.WATCHER_INFO, requests, client, authorizer, core, new Backoff(retryBase, retryCap),
                EXPIRES), new Subscription.Listener() {
                    @Override
                    public void notified(Subscription s, byte[] body, String contentType, SubscriptionState state) {
                        listener.watchers(accountId, body, state);
                    }

                    @Override
                    public void ended(Subscription s, String reason) {
                        listener.watchers(accountId, new byte[0], new SubscriptionState(
                                SubscriptionState.Kind.TERMINATED, reason, -1, -1));
                    }
                });
        this.agent = new PresenceAgent(accountId, requests, client, authorizer, core, System::currentTimeMillis,
                listener::decisionFor, new PresenceAgent.Listener() {
                    @Override
                    public void approvalNeeded(String account, SipAddress watcher, String displayName) {
                        listener.approvalNeeded(account, watcher, displayName);
                    }

                    @Override
                    public void watchersChanged(String account, List<Watcher> watchers) {
                        listener.servedWatchers(account, watchers);
                    }
                });
    }

    /** The document published just before our state is removed at sign-out ("offline"). */
    public void signOutDocument(byte[] pidf) {
        offline = pidf.clone();
    }

    /** Sets what to publish; published now when registered, else at the next registration. */
    public void publish(byte[] pidf) {
        document = pidf.clone();
        agent.document(document);
        if (registered) {
            publisher.publish(document);
        }
    }

    /** Makes the watched contacts exactly {@code contacts}. */
    public void watch(List<SipAddress> contacts) {
        subscriptions.watch(contacts);
    }

    public void registered() {
        if (registered) {
            return;
        }
        registered = true;
        if (document != null) {
            publisher.publish(document);
        }
        subscriptions.resume();
        watcherInfo.start();
    }

    public void lost() {
        registered = false;
        subscriptions.pause();
        watcherInfo.stop();
    }

    /** Sign-out: removes the publication and ends every subscription. */
    public CompletableFuture<Void> stop() {
        registered = false;
        return CompletableFuture.allOf(publisher.remove(offline), subscriptions.stopAll(), watcherInfo.stop(),
                agent.stop(offline == null ? document : offline));
    }

    /**
     * A SUBSCRIBE to this account's presence reached us (the server has no presence agent): served here. A
     * watcher we watch too, whose subscription waits for a retry, is evidently online: it is subscribed to now.
     */
    public Answer onSubscribe(Request subscribe) {
        Answer answer = agent.onSubscribe(subscribe);
        if (answer.status() / 100 == 2) {
            FromHeader from = (FromHeader) subscribe.getHeader(FromHeader.NAME);
            if (from.getAddress().getURI() instanceof SipURI u) {
                try {
                    subscriptions.retryNowIfWaiting(SipAddress.parse("sip:" + u.getUser() + "@" + u.getHost()));
                } catch (IllegalArgumentException e) {
                    // not an address we could watch
                }
            }
        }
        return answer;
    }

    /** The user decided about a watcher we serve ourselves. */
    public void decided(SipAddress watcher, WatcherDecision decision) {
        agent.decided(watcher, decision);
    }

    public Optional<Subscription> forNotify(Request notify) {
        CallIdHeader cid = (CallIdHeader) notify.getHeader(CallIdHeader.NAME);
        if (cid != null && cid.getCallId().equals(watcherInfo.callId())) {
            return Optional.of(watcherInfo);
        }
        return subscriptions.forNotify(notify);
    }

    public String accountId() {
        return accountId;
    }
}
