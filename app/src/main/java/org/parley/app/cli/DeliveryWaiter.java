package org.parley.app.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.app.ParleyEvent;
import org.parley.app.ParleyListener;
import org.parley.app.RegistrationState;
import org.parley.storage.DeliveryState;

/**
 * Lets the {@code send} command wait, up to one deadline, for its account to register and then for the final
 * state of its message. {@link #onEvent} is the core listener (any thread; it only enqueues). The waiting
 * methods run on the command's thread and throw {@link CliException} with the matching exit code.
 */
final class DeliveryWaiter implements ParleyListener {
    private final BlockingQueue<ParleyEvent> events = new LinkedBlockingQueue<>();
    /** Final states seen before the message id was known. Command thread only. */
    private final Map<Long, ParleyEvent.MessageStateChanged> finals = new HashMap<>();
    private final long deadlineNanos;
    private final long timeoutSeconds;

    DeliveryWaiter(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        this.deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    @Override
    public void onEvent(ParleyEvent event) {
        events.add(event);
    }

    long remainingNanos() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /**
     * Returns once {@code account} is registered. {@code current} is its state read after start(), in case the
     * event came before the listener saw it. Any failure state ends the wait with its describe() sentence.
     */
    void awaitRegistered(String account, RegistrationState current) throws InterruptedException {
        RegistrationState state = current;
        while (!registeredOrFailed(state)) {
            ParleyEvent event = next("Timed out after " + timeoutSeconds + " s waiting for " + account
                    + " to register; nothing was sent.");
            if (event instanceof ParleyEvent.RegistrationChanged r && r.account().equals(account)) {
                state = r.state();
            } else {
                remember(event);
            }
        }
    }

    /** Returns the final state (SENT, STORED_OFFLINE or FAILED) of message {@code id}. */
    ParleyEvent.MessageStateChanged awaitFinalState(long id) throws InterruptedException {
        while (!finals.containsKey(id)) {
            remember(next("No final answer for the message within " + timeoutSeconds
                    + " s; it stays in the outbox and will be sent the next time Parley runs."));
        }
        return finals.get(id);
    }

    private boolean registeredOrFailed(RegistrationState state) {
        if (state instanceof RegistrationState.Registered) {
            return true;
        }
        if (state == null || state instanceof RegistrationState.Registering
                || state instanceof RegistrationState.Unregistered) {
            return false;
        }
        throw new CliException(ExitCodes.REGISTRATION_FAILED, state.describe());
    }

    private void remember(ParleyEvent event) {
        if (event instanceof ParleyEvent.MessageStateChanged m && m.state() != DeliveryState.QUEUED) {
            finals.put(m.id(), m);
        }
    }

    private ParleyEvent next(String timeoutSentence) throws InterruptedException {
        ParleyEvent event = events.poll(remainingNanos(), TimeUnit.NANOSECONDS);
        if (event == null) {
            throw new CliException(ExitCodes.TIMEOUT, timeoutSentence);
        }
        return event;
    }
}
