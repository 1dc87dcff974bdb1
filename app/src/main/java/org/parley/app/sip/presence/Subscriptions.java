package org.parley.app.sip.presence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import org.parley.app.SipAddress;

/**
 * The presence subscriptions of one account: one {@link Subscription} per watched contact, started at a bounded
 * rate (so that 2,000 contacts do not flood the server at sign-in), and the NOTIFY dispatch by Call-ID.
 *
 * <p>Threading: core thread only.
 */
public final class Subscriptions {
    /** Initial SUBSCRIBEs per second at most. */
    static final int START_RATE = 50;
    private static final long TICK_MS = 100;

    private final ScheduledExecutorService core;
    private final Function<SipAddress, Subscription> factory;
    private final Map<SipAddress, Subscription> byContact = new LinkedHashMap<>();
    private final Map<String, Subscription> byCallId = new HashMap<>();
    private final ArrayDeque<Subscription> waiting = new ArrayDeque<>();
    private ScheduledFuture<?> pacer;
    private boolean paused = true;

    /** @param factory makes the (not yet started) subscription for a contact */
    public Subscriptions(ScheduledExecutorService core, Function<SipAddress, Subscription> factory) {
        this.core = core;
        this.factory = factory;
    }

    /** Makes the watched set equal to {@code contacts}: new ones are queued for subscribing, gone ones end. */
    public void watch(List<SipAddress> contacts) {
        List<SipAddress> gone = new ArrayList<>(byContact.keySet());
        gone.removeAll(contacts);
        gone.forEach(this::unwatch);
        for (SipAddress c : contacts) {
            if (!byContact.containsKey(c)) {
                Subscription sub = factory.apply(c);
                byContact.put(c, sub);
                waiting.add(sub);
            }
        }
        pace();
    }

    public void unwatch(SipAddress contact) {
        Subscription sub = byContact.remove(contact);
        if (sub != null) {
            waiting.remove(sub);
            byCallId.values().remove(sub);
            sub.stop();
        }
    }

    /** The account is registered: (re-)subscribe everything, paced. */
    public void resume() {
        paused = false;
        waiting.clear();
        waiting.addAll(byContact.values());
        pace();
    }

    /** The account lost its registration: stop sending (subscriptions are restarted by {@link #resume}). */
    public void pause() {
        paused = true;
        cancelPacer();
    }

    /** Ends every subscription (sign-out); completes when all are answered or failed. */
    public CompletableFuture<Void> stopAll() {
        paused = true;
        cancelPacer();
        waiting.clear();
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        byContact.values().forEach(s -> stops.add(s.stop()));
        byContact.clear();
        byCallId.clear();
        return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
    }

    /** See {@link Subscription#retryNowIfWaiting()}; nothing while paused or for a contact not watched. */
    public void retryNowIfWaiting(SipAddress contact) {
        Subscription sub = byContact.get(contact);
        if (sub != null && !paused && !waiting.contains(sub)) {
            sub.retryNowIfWaiting();
        }
    }

    /** The subscription a NOTIFY belongs to, by its Call-ID. */
    public Optional<Subscription> forNotify(Request notify) {
        CallIdHeader cid = (CallIdHeader) notify.getHeader(CallIdHeader.NAME);
        if (cid == null) {
            return Optional.empty();
        }
        Subscription sub = byCallId.get(cid.getCallId());
        if (sub == null || !cid.getCallId().equals(sub.callId())) {
            byCallId.clear(); // a subscription restarted with a new Call-ID since the map was built
            byContact.values().forEach(s -> {
                if (s.callId() != null) {
                    byCallId.put(s.callId(), s);
                }
            });
            sub = byCallId.get(cid.getCallId());
        }
        return Optional.ofNullable(sub);
    }

    public int size() {
        return byContact.size();
    }

    private void pace() {
        if (paused || pacer != null || waiting.isEmpty()) {
            return;
        }
        pacer = core.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        int budget = (int) Math.max(1, START_RATE * TICK_MS / 1000);
        while (budget-- > 0 && !waiting.isEmpty() && !paused) {
            Subscription sub = waiting.poll();
            sub.start();
            byCallId.put(sub.callId(), sub);
        }
        if (waiting.isEmpty() || paused) {
            cancelPacer();
        }
    }

    private void cancelPacer() {
        if (pacer != null) {
            pacer.cancel(false);
            pacer = null;
        }
    }
}
