package org.parley.app.sip.presence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import org.parley.app.SipAddress;
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
    }

    private final String accountId;
    private final Publisher publisher;
    private final Subscriptions subscriptions;
    private final Subscription watcherInfo;
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
    }

    /** The document published just before our state is removed at sign-out ("offline"). */
    public void signOutDocument(byte[] pidf) {
        offline = pidf.clone();
    }

    /** Sets what to publish; published now when registered, else at the next registration. */
    public void publish(byte[] pidf) {
        document = pidf.clone();
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
        return CompletableFuture.allOf(publisher.remove(offline), subscriptions.stopAll(), watcherInfo.stop());
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
