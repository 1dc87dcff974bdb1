package org.parley.app.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single "parley-core" thread that owns all SIP and session state (docs/CONCURRENCY.md). A task that
 * throws is logged (a scheduled executor would otherwise swallow the exception) and the thread goes on.
 */
final class CoreThread extends ScheduledThreadPoolExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CoreThread.class);
    private static final AtomicInteger COUNT = new AtomicInteger();

    CoreThread() {
        super(1, r -> {
            Thread t = new Thread(r, "parley-core-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    protected void afterExecute(Runnable r, Throwable t) {
        super.afterExecute(r, t);
        if (t == null && r instanceof Future<?> f && f.isDone() && !f.isCancelled()) {
            try {
                f.get();
            } catch (ExecutionException e) {
                t = e.getCause();
            } catch (CancellationException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (t != null) {
            LOG.error("a core task failed", t);
        }
    }
}
