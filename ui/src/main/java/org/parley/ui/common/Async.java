package org.parley.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs blocking work (storage writes, searches, key derivation) off the UI thread and hands the outcome back
 * on it. View-models get one of these from the composition root; tests pass {@link #direct()} so everything
 * happens on the test's thread, in order.
 *
 * @param background where blocking work runs
 * @param ui         where results are delivered (the JavaFX application thread in the app)
 */
public record Async(Executor background, Executor ui) {

    /** Blocking work that may fail with any exception. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Everything on the calling thread: for tests. */
    public static Async direct() {
        return new Async(Runnable::run, Runnable::run);
    }

    /**
     * Runs {@code work} in the background; exactly one of {@code onSuccess} / {@code onFailure} then runs on the
     * ui executor. The failure passed on is the work's own exception, unwrapped.
     */
    public <T> void run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background).whenCompleteAsync((value, error) -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(unwrap(error));
            }
        }, ui);
    }

    /** Continues a future from the core on the ui executor. */
    public <T> void onUi(CompletableFuture<T> future, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        future.whenCompleteAsync((value, error) -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(unwrap(error));
            }
        }, ui);
    }

    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
