package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
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
import org.parley.storage.MessageRecord;

/** Two Parley cores, alice and bob, chatting through a real Kamailio. */
class ChatThroughKamailioTest {

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aliceAndBobChatBothWays(Transport transport) throws Exception {
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", transport).startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, "bob", "bobpw", transport).startAndAwaitRegistered()) {
            MessageRecord sent = alice.core.send(null, bob.aor, "Hallo Bob, grüße über " + transport + " ✓").get();
            assertThat(sent.state()).isEqualTo(DeliveryState.QUEUED);

            ParleyEvent.MessageReceived got = bob.awaitEvent(ParleyEvent.MessageReceived.class, e -> true);
            assertThat(got.text()).isEqualTo("Hallo Bob, grüße über " + transport + " ✓");
            assertThat(got.from()).isEqualTo(alice.aor);
            alice.awaitEvent(ParleyEvent.MessageStateChanged.class,
                    e -> e.id() == sent.id() && e.state() == DeliveryState.SENT);

            bob.core.send(null, alice.aor, "Hi Alice").get();
            assertThat(alice.awaitEvent(ParleyEvent.MessageReceived.class, e -> true).text()).isEqualTo("Hi Alice");
            assertThat(bob.profile.history().conversation(bob.aor, alice.aor, Long.MAX_VALUE, 10))
                    .extracting(MessageRecord::body).containsExactly("Hi Alice", got.text());
        }
    }

    @Test
    void messageToOfflineUserIsStoredByTheServerAndDeliveredOnceWhenTheyRegister() throws Exception {
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP)
                .startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP)) {
            MessageRecord m = alice.core.send(null, bob.aor, "while you were away").get();
            alice.awaitEvent(ParleyEvent.MessageStateChanged.class,
                    e -> e.id() == m.id() && e.state() == DeliveryState.STORED_OFFLINE);

            bob.startAndAwaitRegistered();
            bob.awaitEvent(ParleyEvent.MessageReceived.class, e -> e.text().equals("while you were away"));
            // The server's copy must not arrive twice, even after a re-registration.
            bob.core.close();
            bob.core = null;
            bob.startAndAwaitRegistered();
            alice.core.send(null, bob.aor, "marker").get();
            bob.awaitEvent(ParleyEvent.MessageReceived.class, e -> e.text().equals("marker"));
            assertThat(bob.profile.history().conversation(bob.aor, alice.aor, Long.MAX_VALUE, 10))
                    .extracting(MessageRecord::body).containsExactly("marker", "while you were away");
        }
    }

    @Test
    void wrongPasswordIsReportedAsAuthFailure() throws Exception {
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "not-the-password", Transport.UDP).start()) {
            await().atMost(TestUser.WAIT).until(() ->
                    alice.core.registrationState(alice.aor) instanceof RegistrationState.AuthFailed);
            assertThat(alice.core.registrationState(alice.aor).describe()).contains("password");
        }
    }

    @Test
    void typingIsShownToThePeerAndEndsWithTheMessage() throws Exception {
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.TCP)
                .startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.TCP).startAndAwaitRegistered()) {
            alice.core.setComposing(null, bob.aor, true);
            bob.awaitEvent(ParleyEvent.TypingChanged.class, e -> e.active() && e.peer().equals(alice.aor));
            alice.core.setComposing(null, bob.aor, false);
            bob.awaitEvent(ParleyEvent.TypingChanged.class, e -> !e.active());

            alice.core.setComposing(null, bob.aor, true);
            await().atMost(TestUser.WAIT).until(() ->
                    bob.eventsOf(ParleyEvent.TypingChanged.class).stream().filter(ParleyEvent.TypingChanged::active)
                            .count() == 2);
            alice.core.send(null, bob.aor, "done typing").get();
            bob.awaitEvent(ParleyEvent.MessageReceived.class, e -> e.text().equals("done typing"));
            await().atMost(TestUser.WAIT).until(() -> {
                var t = bob.eventsOf(ParleyEvent.TypingChanged.class);
                return !t.get(t.size() - 1).active();
            });
        }
    }

    @Test
    void aBodyTooLargeForUdpTravelsOverTcpAndOneOverThePolicyLimitIsRefused() throws Exception {
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP)
                .startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered()) {
            String big = "0123456789abcdef".repeat(1024); // 16 KiB: cannot go in one UDP datagram
            alice.core.send(null, bob.aor, big).get();
            assertThat(bob.awaitEvent(ParleyEvent.MessageReceived.class, e -> true).text()).isEqualTo(big);

            String tooBig = "x".repeat(64 * 1024 + 1);
            assertThatThrownBy(() -> alice.core.send(null, bob.aor, tooBig).get())
                    .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasStackTraceContaining("too long");
        }
    }
}
