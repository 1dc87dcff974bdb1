package org.parley.app.sip.presence;

import java.text.ParseException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.SIPETagHeader;
import javax.sip.message.Response;
import org.parley.app.chat.Tags;
import org.parley.app.sip.Authorizer;
import org.parley.app.sip.Backoff;
import org.parley.app.sip.CSeqs;
import org.parley.app.sip.ClientRequests;
import org.parley.app.sip.SipResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own presence at the server's presence agent (RFC 3903): the initial PUBLISH, modifications and refreshes
 * carrying the entity-tag in SIP-If-Match, removal (Expires: 0) on sign-out. 412 (the agent forgot our
 * entity-tag) starts over with the full document; 423 retries with the agent's Min-Expires; 489/405/501 mean
 * there is no presence agent. Other failures are retried with backoff while a document is set.
 *
 * <p>Threading: core thread only; timers run on the core executor and a generation counter voids callbacks of
 * superseded requests.
 */
public final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    /** Refresh when this share of the granted time has passed. */
    private static final double REFRESH_AT = 0.8;

    /** What the publication needs from its account. */
    public record Setup(String accountId, PresenceRequests requests, ClientRequests client, Authorizer authorizer,
                        ScheduledExecutorService core, Backoff backoff, int expires) {
    }

    private final Setup s;
    private final Consumer<PublishOutcome> listener;
    private final String callId = UUID.randomUUID() + "@parley";
    private final String fromTag = Tags.random();
    private long cseq = 1;
    private int expires;
    private byte[] document;
    private String etag;
    private boolean sending;
    /** The PUBLISH awaiting its final answer, if any (its 2xx may carry a new entity-tag). */
    private CompletableFuture<SipResult> inFlight;
    private boolean dirty;
    private int generation;
    private ScheduledFuture<?> timer;
    private boolean stopped;

    public Publisher(Setup setup, Consumer<PublishOutcome> listener) {
        this.s = setup;
        this.listener = listener;
        this.expires = setup.expires();
    }

    /** Publishes {@code pidf} (replacing what was published). A PUBLISH in flight is followed by this one. */
    public void publish(byte[] pidf) {
        document = pidf.clone();
        stopped = false;
        if (sending) {
            dirty = true;
            return;
        }
        send(document);
    }

    /**
     * Sign-out: first replaces our state with {@code lastWords} (an "offline" document, so that watchers see the
     * sign-out rather than just losing information), then removes it (Expires: 0). A PUBLISH still unanswered is
     * waited for first: its 2xx may create the publication or change its entity-tag, and a removal with the old
     * tag would leave the state at the agent until it expires. Completes when answered or failed.
     */
    public CompletableFuture<Void> remove(byte[] lastWords) {
        stopped = true;
        generation++;
        cancelTimer();
        document = null;
        sending = false; // (the answer in flight is this method's now)
        dirty = false;
        String known = etag;
        etag = null;
        CompletableFuture<SipResult> unanswered = inFlight;
        inFlight = null;
        if (unanswered == null || unanswered.isDone()) {
            return known == null ? CompletableFuture.completedFuture(null) : withdraw(known, lastWords);
        }
        return unanswered.thenCompose(result -> {
            if (result instanceof SipResult.Final f) {
                cseq = CSeqs.next(f.response(), cseq);
            }
            String tag = newTag(result, known);
            return tag == null ? CompletableFuture.completedFuture(null) : withdraw(tag, lastWords);
        });
    }

    private CompletableFuture<Void> withdraw(String tag, byte[] lastWords) {
        try {
            CompletableFuture<String> current = lastWords == null ? CompletableFuture.completedFuture(tag)
                    : s.client().send(s.requests().publish(callId, fromTag, cseq++, tag, lastWords, expires),
                            s.authorizer()).thenApply(r -> newTag(r, tag));
            return current.thenCompose(t -> {
                try {
                    return s.client().send(s.requests().publish(callId, fromTag, cseq++, t, null, 0), s.authorizer());
                } catch (ParseException e) {
                    return CompletableFuture.completedFuture(null);
                }
            }).thenAccept(r -> listener.accept(new PublishOutcome.Removed()));
        } catch (ParseException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private static String newTag(SipResult result, String old) {
        if (result instanceof SipResult.Final f && f.status() / 100 == 2
                && f.response().getHeader(SIPETagHeader.NAME) instanceof SIPETagHeader h) {
            return h.getETag();
        }
        return old;
    }

    /** Whether the agent holds our state. */
    public boolean isPublished() {
        return etag != null;
    }

    private void send(byte[] body) {
        int gen = ++generation;
        cancelTimer();
        sending = true;
        dirty = false;
        try {
            CompletableFuture<SipResult> answer = s.client().send(
                    s.requests().publish(callId, fromTag, cseq++, etag, body, expires), s.authorizer());
            inFlight = answer;
            answer.thenAccept(result -> {
                if (answer == inFlight) {
                    inFlight = null;
                }
                if (gen == generation) {
                    sending = false;
                    onResult(result, body);
                }
            });
        } catch (ParseException e) {
            sending = false;
            LOG.error("{}: cannot build PUBLISH", s.accountId(), e);
            listener.accept(new PublishOutcome.Failed(0, "invalid account address"));
        }
    }

    private void onResult(SipResult result, byte[] sentBody) {
        if (result instanceof SipResult.Final f) {
            cseq = CSeqs.next(f.response(), cseq);
        }
        if (stopped) {
            return;
        }
        if (result instanceof SipResult.Final f) {
            Response r = f.response();
            int status = r.getStatusCode();
            if (status / 100 == 2) {
                SIPETagHeader tag = (SIPETagHeader) r.getHeader(SIPETagHeader.NAME);
                if (tag == null) {
                    failed(status, "no entity-tag in the answer");
                    return;
                }
                etag = tag.getETag();
                ExpiresHeader exp = (ExpiresHeader) r.getHeader(ExpiresHeader.NAME);
                int granted = exp == null ? expires : exp.getExpires();
                s.backoff().reset();
                listener.accept(new PublishOutcome.Published(granted));
                if (dirty && document != null) {
                    send(document);
                } else {
                    schedule(Math.max(1, (long) (granted * REFRESH_AT)), () -> send(null));
                }
                return;
            }
            switch (status) {
                case 412 -> { // the agent lost our entity-tag: publish the whole document again (RFC 3903 §6)
                    etag = null;
                    if (document != null) {
                        send(document);
                    }
                    return;
                }
                case 423 -> {
                    MinExpiresHeader min = (MinExpiresHeader) r.getHeader(MinExpiresHeader.NAME);
                    if (min != null && min.getExpires() > expires) {
                        expires = min.getExpires();
                        send(sentBody == null ? document : sentBody);
                        return;
                    }
                }
                case 489, 405, 501 -> {
                    etag = null;
                    LOG.info("{}: no presence agent ({} {})", s.accountId(), status, r.getReasonPhrase());
                    listener.accept(new PublishOutcome.NotSupported(status));
                    return;
                }
                default -> {
                }
            }
            failed(status, r.getReasonPhrase());
        } else {
            failed(0, result instanceof SipResult.TimedOut ? "no answer" : "connection failed");
        }
    }

    private void failed(int status, String reason) {
        listener.accept(new PublishOutcome.Failed(status, reason));
        if (document != null) {
            long delay = s.backoff().next().toMillis();
            schedule(TimeUnit.MILLISECONDS.toSeconds(Math.max(1000, delay)), () -> {
                etag = null;
                send(document);
            });
        }
    }

    private void schedule(long seconds, Runnable action) {
        cancelTimer();
        int gen = generation;
        timer = s.core().schedule(() -> {
            if (gen == generation && !stopped) {
                action.run();
            }
        }, seconds, TimeUnit.SECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
