package org.parley.app.core;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.app.AccountConfig;
import org.parley.app.RegistrationState;
import org.parley.app.sip.SipSignalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Test this account" without saving it: a throw-away SIP stack (its own ephemeral port, its own TLS trust)
 * registers the account once, reports the first outcome, then removes its own binding and stops. The running
 * accounts are not touched. Requests that reach the probe while it is registered (for example the server's
 * stored offline messages) are answered 480, so the server keeps them for the real client.
 *
 * <p>Threading: {@link #run} must be called on the core executor; the outcome completes on it.
 */
final class AccountProbe {
    private static final Logger LOG = LoggerFactory.getLogger(AccountProbe.class);
    private static final int TEMPORARILY_UNAVAILABLE = 480;
    private static final Duration UNREGISTER_WAIT = Duration.ofSeconds(3);

    private AccountProbe() {
    }

    /**
     * @param patience how long to wait for an outcome; after it the result is {@link RegistrationState.Unreachable}
     * @return the first state that is an outcome (neither {@code Registering} nor {@code Unregistered})
     */
    static CompletableFuture<RegistrationState> run(AccountConfig config, SipSignalling.Settings stack,
            ScheduledExecutorService core, Duration patience) {
        CompletableFuture<RegistrationState> outcome = new CompletableFuture<>();
        SipSignalling.Settings ephemeral = new SipSignalling.Settings(stack.bindAddress(), 0, stack.userAgent(),
                stack.keepAlive(), stack.retryBase(), stack.retryCap());
        SipSignalling probe = new SipSignalling(ephemeral, core, (account, state) -> {
            if (!(state instanceof RegistrationState.Registering) && !(state instanceof RegistrationState.Unregistered)) {
                outcome.complete(state);
            }
        }, (message, respond) -> respond.accept(TEMPORARILY_UNAVAILABLE));
        try {
            probe.start(List.of(config));
        } catch (IOException e) {
            LOG.warn("account test for {}: no local SIP port", config.id(), e);
            outcome.complete(new RegistrationState.Failed(0, "local SIP port unavailable"));
        }
        core.schedule(() -> outcome.complete(new RegistrationState.Unreachable(
                "no answer within " + patience.toSeconds() + " s", 0)), patience.toMillis(), TimeUnit.MILLISECONDS);
        outcome.whenCompleteAsync((state, error) -> {
            LOG.info("account test for {}: {}", config.id(), state == null ? error : state.describe());
            probe.unregisterAll().orTimeout(UNREGISTER_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((done, late) -> probe.close(), core);
        }, core);
        return outcome;
    }
}
