package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.presence.PresenceState;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.ContactRecord;

/**
 * Presence between Parley cores through Kamailio's presence server (PUBLISH, SUBSCRIBE/NOTIFY): states and notes
 * propagate both ways, a sign-out shows offline, a contact added later is watched, and subscriptions come back
 * after the server restarts.
 */
class PresenceThroughKamailioTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;
    private TestUser alice;
    private TestUser bob;
    private TestUser carol;

    @AfterEach
    void close() {
        for (TestUser u : new TestUser[] {alice, bob, carol}) {
            if (u != null) {
                u.close();
            }
        }
    }

    private TestUser user(String name, Transport transport, String... contacts) throws Exception {
        TestUser u = TestUser.create(dir, kamailio, name, name + "pw", transport);
        for (String c : contacts) {
            u.profile.contacts().save(new ContactRecord(u.aor, "sip:" + c + "@" + kamailio.domain(), c, "Team"));
        }
        return u;
    }

    private static ParleyEvent.PresenceChanged awaitPresence(TestUser watcher, TestUser of, PresenceState state,
                                                             String note) {
        return awaitPresence(watcher, of.aor, state, note);
    }

    private static ParleyEvent.PresenceChanged awaitPresence(TestUser watcher, String of, PresenceState state,
                                                             String note) {
        return watcher.awaitEvent(ParleyEvent.PresenceChanged.class,
                e -> e.contact().equals(of) && e.state() == state && e.note().equals(note));
    }

    @Test
    void statesAndNotesPropagateBothWaysAndSignOutShowsOffline() throws Exception {
        alice = user("alice", Transport.UDP, "bob").startAndAwaitRegistered();
        bob = user("bob", Transport.TCP, "alice").startAndAwaitRegistered();

        awaitPresence(alice, bob, PresenceState.AVAILABLE, "");
        awaitPresence(bob, alice, PresenceState.AVAILABLE, "");

        bob.core.setPresence(PresenceState.BUSY, "in a review <until 3> & then lunch");
        awaitPresence(alice, bob, PresenceState.BUSY, "in a review <until 3> & then lunch");

        alice.core.setPresence(PresenceState.DO_NOT_DISTURB, "Präsentation 🎤");
        awaitPresence(bob, alice, PresenceState.DO_NOT_DISTURB, "Präsentation 🎤");

        String bobAor = bob.aor;
        bob.close();
        bob = null;
        awaitPresence(alice, bobAor, PresenceState.OFFLINE, "");
        assertThat(alice.core.presenceOf(null, "sip:bob@" + kamailio.domain()).join().state())
                .isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void aContactAddedLaterIsWatchedAndOneRemovedIsNot() throws Exception {
        alice = user("alice", Transport.UDP).startAndAwaitRegistered();
        carol = user("carol", Transport.UDP).startAndAwaitRegistered();
        carol.core.setPresence(PresenceState.IN_A_MEETING, "");

        alice.profile.contacts().save(new ContactRecord(alice.aor, carol.aor, "Carol", null));
        alice.core.contactsChanged();
        awaitPresence(alice, carol, PresenceState.IN_A_MEETING, "");

        alice.profile.contacts().remove(alice.aor, carol.aor);
        alice.core.contactsChanged();
        int seen = alice.eventsOf(ParleyEvent.PresenceChanged.class).size();
        carol.core.setPresence(PresenceState.AWAY, "back soon");
        // Carol's change reaches a watcher that still subscribes (Carol herself is not one): use a third party.
        bob = user("bob", Transport.UDP, "carol").startAndAwaitRegistered();
        awaitPresence(bob, carol, PresenceState.AWAY, "back soon");
        assertThat(alice.eventsOf(ParleyEvent.PresenceChanged.class)).hasSize(seen);
    }

    @Test
    void subscriptionsComeBackAfterTheServerRestarts() throws Exception {
        alice = user("alice", Transport.UDP, "bob").startAndAwaitRegistered();
        bob = user("bob", Transport.UDP, "alice").startAndAwaitRegistered();
        bob.core.setPresence(PresenceState.AWAY, "coffee");
        awaitPresence(alice, bob, PresenceState.AWAY, "coffee");

        kamailio.restart();
        alice.awaitRegistered();
        bob.awaitRegistered();
        bob.core.setPresence(PresenceState.BUSY, "after the restart");
        awaitPresence(alice, bob, PresenceState.BUSY, "after the restart");
    }

    @Test
    void theWatcherListShowsWhoWatchesAndForgetsThemWhenTheyLeave() throws Exception {
        alice = user("alice", Transport.UDP).startAndAwaitRegistered();
        bob = user("bob", Transport.UDP, "alice").startAndAwaitRegistered();
        String bobAor = bob.aor;

        ParleyEvent.WatchersChanged watched = alice.awaitEvent(ParleyEvent.WatchersChanged.class,
                e -> e.watchers().stream().anyMatch(w -> w.uri().contains("bob@") && w.status().equals("active")));

        bob.close();
        bob = null;
        int seen = alice.eventsOf(ParleyEvent.WatchersChanged.class).indexOf(watched);
        // (on failure the message lists every watcher list Alice saw after Bob left)
        Awaitility.await().atMost(TestUser.WAIT).untilAsserted(() -> assertThat(
                alice.eventsOf(ParleyEvent.WatchersChanged.class).stream().skip(seen + 1L).toList())
                .as("Alice's watcher lists after Bob signed out")
                .anyMatch(e -> e.watchers().stream().noneMatch(w -> w.uri().equals(bobAor))));
    }
}
