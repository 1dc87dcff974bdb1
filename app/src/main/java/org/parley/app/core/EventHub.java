package org.parley.app.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.parley.app.ParleyEvent;
import org.parley.app.ParleyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans core events out to listeners, each on the executor it registered with. Thread-safe; events from one
 * publisher thread reach each listener in publication order when its executor is sequential.
 */
final class EventHub {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private record Subscription(ParleyListener listener, Executor executor) {
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    void add(ParleyListener listener, Executor executor) {
        subscriptions.add(new Subscription(listener, executor));
    }

    void publish(ParleyEvent event) {
        for (Subscription s : subscriptions) {
            try {
                s.executor().execute(() -> {
                    try {
                        s.listener().onEvent(event);
                    } catch (RuntimeException e) {
                        LOG.error("listener failed on {}", event.getClass().getSimpleName(), e);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("listener executor refused an event", e);
            }
        }
    }
}
