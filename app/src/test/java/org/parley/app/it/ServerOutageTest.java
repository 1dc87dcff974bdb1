package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void twentyMessagesSentWhileTheServerIsDownArriveOnceAndInOrderAfterItRestarts(Transport transport)
            throws Exception {
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", transport).startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, "bob", "bobpw", transport).startAndAwaitRegistered()) {
            kamailio.stop();
            await().atMost(TestUser.WAIT).until(() ->
                    alice.core.registrationState(alice.aor) instanceof RegistrationState.Unreachable);

            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                texts.add("outage message " + i);
                alice.core.send(null, bob.aor, "outage message " + i).get();
            }
            assertThat(alice.profile.history().pendingOutgoing(alice.aor)).hasSize(20);

            kamailio.start();
            // The restarted server has forgotten both registrations; both cores must notice and come back.
            alice.awaitRegistered();
            bob.awaitRegistered();
            await().atMost(Duration.ofSeconds(30)).until(() -> bob.receivedTexts().size() >= 20);
            assertThat(bob.receivedTexts()).containsExactlyElementsOf(texts);
            await().atMost(TestUser.WAIT).until(() -> alice.profile.history().pendingOutgoing(alice.aor).isEmpty());
            assertThat(alice.eventsOf(ParleyEvent.MessageStateChanged.class))
                    .filteredOn(e -> e.state() == DeliveryState.FAILED).isEmpty();
        }
    }
}
