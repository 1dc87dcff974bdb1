package org.parley.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.parley.ui.common.Async;

/**
 * The app's {@link Async}: blocking work on a small pool of daemon threads ("parley-ui-worker-N"), results on
 * the JavaFX application thread.
 */
public final class FxAsync {
    private FxAsync() {
    }

    public static Async create() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "parley-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new Async(pool, Platform::runLater);
    }
}
