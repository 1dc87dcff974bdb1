package org.parley.app.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.parley.app.SipAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our composing state towards each peer (RFC 3994 §3): "active" when the user starts typing, refreshed
 * every {@link #REFRESH_SECONDS} while typing continues, "idle" after {@link #IDLE_SECONDS} without input
 * or when the user clears the draft. Sending a message ends composing without an "idle" (the peer infers it).
 * Best effort: nothing is stored or retried.
 *
 * <p>Threading: core thread only.
 */
final class ComposingSender {
    private static final Logger LOG = LoggerFactory.getLogger(ComposingSender.class);
    static final int REFRESH_SECONDS = 60;
    static final int IDLE_SECONDS = 15;

    private final ScheduledExecutorService core;
    private final ChatTransport transport;
    private final Map<String, Session> sessions = new HashMap<>();

    private static final class Session {
        ScheduledFuture<?> idleTimer;
        ScheduledFuture<?> refreshTimer;
    }

    ComposingSender(ScheduledExecutorService core, ChatTransport transport) {
        this.core = core;
        this.transport = transport;
    }

    void composing(String account, SipAddress peer, boolean typing) {
        String key = account + '\n' + peer;
        Session s = sessions.get(key);
        if (typing) {
            if (s == null) {
                s = new Session();
                sessions.put(key, s);
                send(account, peer, true);
                Session started = s;
                s.refreshTimer = core.scheduleAtFixedRate(() -> {
                    if (sessions.get(key) == started) {
                        send(account, peer, true);
                    }
                }, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
            }
            if (s.idleTimer != null) {
                s.idleTimer.cancel(false);
            }
            s.idleTimer = core.schedule(() -> composing(account, peer, false), IDLE_SECONDS, TimeUnit.SECONDS);
        } else if (s != null) {
            end(key, s);
            send(account, peer, false);
        }
    }

    /** A text message went to {@code peer}: composing is over, no "idle" needed. */
    void messageSent(String account, SipAddress peer) {
        String key = account + '\n' + peer;
        Session s = sessions.get(key);
        if (s != null) {
            end(key, s);
        }
    }

    private void end(String key, Session s) {
        sessions.remove(key);
        if (s.idleTimer != null) {
            s.idleTimer.cancel(false);
        }
        if (s.refreshTimer != null) {
            s.refreshTimer.cancel(false);
        }
    }

    private void send(String account, SipAddress peer, boolean active) {
        if (!transport.isRegistered(account)) {
            return;
        }
        transport.sendMessage(account, peer, UUID.randomUUID() + "@parley", Tags.random(), IsComposing.CONTENT_TYPE,
                IsComposing.document(active, REFRESH_SECONDS)).thenAccept(outcome -> {
                    if (!(outcome instanceof SendOutcome.Accepted)) {
                        LOG.debug("isComposing to {} not delivered: {}", peer, outcome);
                    }
                });
    }
}
