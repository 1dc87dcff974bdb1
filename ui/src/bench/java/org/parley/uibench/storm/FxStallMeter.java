package org.parley.uibench.storm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * How long the JavaFX application thread is kept from its work during a measuring window, seen two ways:
 * <ul>
 *   <li><b>pulse interval</b>: the time between consecutive pulses, taken by an {@link AnimationTimer} (which also
 *       keeps pulses coming at 60 Hz, so every layout and render of the contact list happens inside them);</li>
 *   <li><b>lateness</b>: a pinger thread posts a {@link Platform#runLater} every 10 ms; each one records how long it
 *       waited before it ran, i.e. how long a key press would have waited.</li>
 * </ul>
 * Whenever the oldest ping has waited more than {@link #SAMPLE_AFTER_MS}, the pinger takes a stack sample of the FX
 * thread (aggregated by its top frames), which says where a stall was spent.
 *
 * <p>Threading: {@link #install} on the FX thread; {@link #begin}/{@link #end} from any thread.
 */
final class FxStallMeter {
    static final long SAMPLE_AFTER_MS = 30;
    private static final int MAX_SAMPLES = 1_000_000;
    private static final int STACK_DEPTH = 12;

    private final long[] gaps = new long[MAX_SAMPLES];
    private final long[] lateness = new long[MAX_SAMPLES];
    private final ConcurrentLinkedDeque<Long> outstanding = new ConcurrentLinkedDeque<>();
    private final Map<String, Integer> stacks = new HashMap<>();
    private Thread fx;
    private int gapCount;
    private int lateCount;
    private long lastPulse;
    private volatile boolean measuring;

    /** What a window measured (nanoseconds). */
    record Window(Samples pulseGaps, Samples lateness, Map<String, Integer> stallStacks) {
    }

    /** Starts the pulse timer and the pinger; call once on the FX thread. */
    void install() {
        fx = Thread.currentThread();
        new AnimationTimer() {
            @Override
            public void handle(long ignored) {
                long now = System.nanoTime();
                if (measuring && lastPulse != 0 && gapCount < MAX_SAMPLES) {
                    gaps[gapCount++] = now - lastPulse;
                }
                lastPulse = now;
            }
        }.start();
        Thread pinger = new Thread(this::ping, "fx-stall-pinger");
        pinger.setDaemon(true);
        pinger.start();
    }

    /** Forgets what was measured and starts a window. */
    void begin() throws Exception {
        onFx(() -> {
            gapCount = 0;
            lateCount = 0;
            lastPulse = 0;
            synchronized (stacks) {
                stacks.clear();
            }
            measuring = true;
            return null;
        });
    }

    /** Ends the window and returns what it measured. */
    Window end() throws Exception {
        return onFx(() -> {
            measuring = false;
            Map<String, Integer> s;
            synchronized (stacks) {
                s = new HashMap<>(stacks);
            }
            return new Window(Samples.of(gaps, gapCount), Samples.of(lateness, lateCount), s);
        });
    }

    /** The stall stacks, most frequent first, at most {@code n}. */
    static List<Map.Entry<String, Integer>> top(Map<String, Integer> stacks, int n) {
        List<Map.Entry<String, Integer>> l = new ArrayList<>(stacks.entrySet());
        l.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
        return l.subList(0, Math.min(n, l.size()));
    }

    private void ping() {
        while (true) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            long posted = System.nanoTime();
            outstanding.addLast(posted);
            Platform.runLater(() -> {
                outstanding.pollFirst();
                if (measuring && lateCount < MAX_SAMPLES) {
                    lateness[lateCount++] = System.nanoTime() - posted;
                }
            });
            Long oldest = outstanding.peekFirst();
            if (measuring && oldest != null
                    && System.nanoTime() - oldest > TimeUnit.MILLISECONDS.toNanos(SAMPLE_AFTER_MS)) {
                sample();
            }
        }
    }

    private void sample() {
        StackTraceElement[] trace = fx.getStackTrace();
        StringBuilder key = new StringBuilder();
        int top = 0;
        int parley = 0;
        String previous = "";
        boolean elided = false;
        for (StackTraceElement frame : trace) {
            String method = frame.getClassName() + "." + frame.getMethodName();
            boolean ours = frame.getClassName().startsWith("org.parley.ui.")
                    && !frame.getClassName().startsWith("org.parley.uibench.");
            if (method.equals(previous) || (top >= STACK_DEPTH && (!ours || parley >= 3))) {
                previous = method;
                continue; // recursion collapsed; below the top frames only Parley's callers are kept
            }
            if (top == STACK_DEPTH && !elided) {
                key.append("\n      ...");
                elided = true;
            }
            key.append("\n      at ").append(frame);
            top = Math.min(STACK_DEPTH, top + 1);
            parley += ours ? 1 : 0;
            previous = method;
        }
        synchronized (stacks) {
            stacks.merge(key.toString(), 1, Integer::sum);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
