package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.DeliveryState;

/** The server goes away and comes back with no memory of anyone: nothing the user sent is lost. */
class ServerOutageTest {

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;

    /** Own users per run: the server keeps offline messages in its database across restarts. */
    private static String user(String name, Transport transport, String test) {
        String u = name + "_" + transport.name().toLowerCase(Locale.ROOT) + "_" + test;
        kamailio.addUser(u, "pw-" + u);
        return u;
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void bothCoresNoticeARestartedServerAndRegisterAgainOnTheirOwn(Transport transport) throws Exception {
        String a = user("alice", transport, "restart");
        String b = user("bob", transport, "restart");
        try (TestUser alice = TestUser.create(dir, kamailio, a, "pw-" + a, transport).startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, b, "pw-" + b, transport).startAndAwaitRegistered()) {
            kamailio.restart(); // forgets every registration, like a real restart
            for (TestUser u : List.of(alice, bob)) {
                await().atMost(TestUser.WAIT).until(() -> u.eventsOf(ParleyEvent.RegistrationChanged.class).stream()
                        .filter(e -> e.state() instanceof RegistrationState.Registered).count() >= 2);
            }
            alice.core.send(null, bob.aor, "still there?").get();
            bob.awaitEvent(ParleyEvent.MessageReceived.class, e -> e.text().equals("still there?"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void twentyMessagesSentWhileTheServerIsDownArriveOnceAndInOrderAfterItRestarts(Transport transport)
            throws Exception {
        String a = user("alice", transport, "outage");
        String b = user("bob", transport, "outage");
        try (TestUser alice = TestUser.create(dir, kamailio, a, "pw-" + a, transport).startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, b, "pw-" + b, transport).startAndAwaitRegistered()) {
            kamailio.stop();
            await().atMost(TestUser.WAIT).until(() ->
                    alice.core.registrationState(alice.aor) instanceof RegistrationState.Unreachable);

            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                texts.add("outage message " + i);
                alice.core.send(null, bob.aor, "outage message " + i).get();
            }
            assertThat(alice.profile.history().pendingOutgoing(alice.aor)).hasSize(20);
            // Alice quits while offline: the outbox is on disk, not in memory.
            alice.stopCore();

            kamailio.start();
            // Bob stayed up: he notices the forgotten registration and comes back by himself. Only then does
            // Alice start again, so every message goes straight to him (a server that stores messages for an
            // offline user delivers them on his next REGISTER, in its own order — see the offline test).
            await().atMost(TestUser.WAIT).until(() -> bob.eventsOf(ParleyEvent.RegistrationChanged.class).stream()
                    .filter(e -> e.state() instanceof RegistrationState.Registered).count() >= 2);
            alice.events.clear();
            alice.startAndAwaitRegistered();

            await().atMost(Duration.ofSeconds(30)).until(() -> bob.receivedTexts().size() >= 20);
            assertThat(bob.receivedTexts()).containsExactlyElementsOf(texts);
            await().atMost(TestUser.WAIT).until(() -> alice.profile.history().pendingOutgoing(alice.aor).isEmpty());
            assertThat(alice.eventsOf(ParleyEvent.MessageStateChanged.class))
                    .extracting(ParleyEvent.MessageStateChanged::state).hasSize(20).containsOnly(DeliveryState.SENT);
        }
    }
}
