package org.parley.app.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.app.core.CoreOptions;
import org.parley.app.core.ParleyCore;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * One Parley user in a test: an encrypted profile in a temporary folder, one account on the test Kamailio,
 * and a core whose events are recorded. Close it to un-register and close the profile.
 */
public final class TestUser implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(15);

    public final String name;
    public final String aor;
    public final Profile profile;
    public final List<ParleyEvent> events = new CopyOnWriteArrayList<>();
    private final CoreOptions options;
    /** Where this user's received files go (a folder of the test's own), policy and scan hook. */
    public org.parley.app.core.FileSettings files;
    public Parley core;

    private TestUser(String name, String aor, Profile profile, CoreOptions options, Path dir) {
        this.name = name;
        this.aor = aor;
        this.profile = profile;
        this.options = options;
        this.files = new org.parley.app.core.FileSettings(dir.resolve(name + "-downloads"),
                dir.resolve(name + "-quarantine"), org.parley.app.file.FilePolicy.DEFAULT, Duration.ofSeconds(20));
    }

    /** Creates the profile and account; does not start the core. */
    public static TestUser create(Path dir, KamailioExtension kamailio, String name, String password,
                                  Transport transport) throws Exception {
        return create(dir, kamailio, name, password, transport, fastOptions());
    }

    public static TestUser create(Path dir, KamailioExtension kamailio, String name, String password,
                                  Transport transport, CoreOptions options) throws Exception {
        Profile profile = Profiles.create(dir.resolve(name), "correct horse battery".toCharArray());
        String aor = "sip:" + name + "@" + kamailio.domain();
        int port = switch (transport) {
            case UDP, TCP -> kamailio.udpPort();
            case TLS -> kamailio.tlsPort();
        };
        profile.accounts().save(new AccountRecord(aor, name, password, kamailio.host() + ":" + port,
                transport.name(), 300, transport == Transport.TLS ? kamailio.certificatePemPath().toString() : null,
                null));
        return new TestUser(name, aor, profile, options, dir);
    }

    /** Short keep-alive and retry intervals so loss of registration is noticed within a test's patience. */
    public static CoreOptions fastOptions() {
        return CoreOptions.defaults().withBindAddress("127.0.0.1").withKeepAlive(Duration.ofSeconds(1))
                .withRetry(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    public TestUser start() {
        core = ParleyCore.open(profile, options, files);
        core.addListener(events::add, Runnable::run);
        core.start();
        return this;
    }

    public TestUser startAndAwaitRegistered() {
        start();
        awaitRegistered();
        return this;
    }

    public void awaitRegistered() {
        await().atMost(WAIT).until(() -> core.registrationState(aor) instanceof RegistrationState.Registered);
    }

    public <T extends ParleyEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends ParleyEvent> T awaitEvent(Class<T> type, Predicate<T> match) {
        return await().atMost(WAIT).until(() -> eventsOf(type).stream().filter(match).findFirst().orElse(null),
                e -> e != null);
    }

    public List<String> receivedTexts() {
        return eventsOf(ParleyEvent.MessageReceived.class).stream().map(ParleyEvent.MessageReceived::text).toList();
    }

    public void stopCore() {
        if (core != null) {
            core.close();
            core = null;
        }
    }

    @Override
    public void close() {
        stopCore();
        profile.close();
    }
}
