package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.presence.PresenceState;
import org.parley.app.presence.WatcherDecision;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.app.testsupport.kamailio.KamailioServer;
import org.parley.storage.ContactRecord;

/**
 * Presence through a Kamailio without the presence modules (a plain registrar): PUBLISH and SUBSCRIBE are routed
 * to the user's devices, so each Parley serves its own watchers. A new watcher is pending until the user allows
 * it; a blocked one never sees a state; decisions are kept in the profile.
 */
class PeerToPeerPresenceTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.of(KamailioServer.builder().withoutPresence());

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
            u.profile.contacts().save(new ContactRecord(u.aor, "sip:" + c + "@" + kamailio.domain(), c, null));
        }
        return u;
    }

    private static void awaitPresence(TestUser watcher, TestUser of, PresenceState state, String note) {
        watcher.awaitEvent(ParleyEvent.PresenceChanged.class,
                e -> e.contact().equals(of.aor) && e.state() == state && e.note().equals(note));
    }

    private static void awaitApprovalRequest(TestUser at, TestUser from) {
        at.awaitEvent(ParleyEvent.WatcherApprovalNeeded.class, e -> e.watcher().equals(from.aor));
    }

    @Test
    void anAllowedWatcherSeesStatesBothWaysAndTheWatcherListShowsIt() throws Exception {
        alice = user("alice", Transport.UDP, "bob").startAndAwaitRegistered();
        bob = user("bob", Transport.TCP, "alice").startAndAwaitRegistered();

        awaitApprovalRequest(alice, bob);
        awaitApprovalRequest(bob, alice);
        assertThat(alice.eventsOf(ParleyEvent.PresenceChanged.class))
                .noneMatch(e -> e.state() != PresenceState.UNKNOWN && e.state() != PresenceState.OFFLINE);
        alice.awaitEvent(ParleyEvent.WatchersChanged.class, e -> e.watchers().stream()
                .anyMatch(w -> w.uri().equals(bob.aor) && w.status().equals("pending")));

        alice.core.decideWatcher(null, bob.aor, WatcherDecision.ALLOW).join();
        awaitPresence(bob, alice, PresenceState.AVAILABLE, "");
        alice.awaitEvent(ParleyEvent.WatchersChanged.class, e -> e.watchers().stream()
                .anyMatch(w -> w.uri().equals(bob.aor) && w.status().equals("active")));

        alice.core.setPresence(PresenceState.BUSY, "Kundentermin <14 Uhr> & 🚗");
        awaitPresence(bob, alice, PresenceState.BUSY, "Kundentermin <14 Uhr> & 🚗");

        bob.core.decideWatcher(null, alice.aor, WatcherDecision.ALLOW).join();
        bob.core.setPresence(PresenceState.IN_A_MEETING, "");
        awaitPresence(alice, bob, PresenceState.IN_A_MEETING, "");
        assertThat(alice.core.watcherDecisions(null)).containsEntry(bob.aor, WatcherDecision.ALLOW);
    }

    @Test
    void signingOutShowsOfflineAndSigningInAgainIsNoticed() throws Exception {
        alice = user("alice", Transport.UDP, "bob").startAndAwaitRegistered();
        bob = user("bob", Transport.UDP, "alice").startAndAwaitRegistered();
        awaitApprovalRequest(bob, alice);
        bob.core.decideWatcher(null, alice.aor, WatcherDecision.ALLOW).join();
        bob.core.setPresence(PresenceState.AWAY, "lunch");
        awaitPresence(alice, bob, PresenceState.AWAY, "lunch");

        bob.stopCore();
        awaitPresence(alice, bob, PresenceState.OFFLINE, "");

        // Bob comes back: his own SUBSCRIBE to Alice tells her he is there, so she watches him again at once
        // (her retry timer alone could take up to the retry cap); his decision was kept.
        bob.start();
        bob.awaitRegistered();
        awaitPresence(alice, bob, PresenceState.AVAILABLE, "");
        assertThat(bob.eventsOf(ParleyEvent.WatcherApprovalNeeded.class)).hasSize(1);
    }

    @Test
    void aBlockedWatcherSeesNothingAndTheDecisionIsKept() throws Exception {
        alice = user("alice", Transport.UDP).startAndAwaitRegistered();
        bob = user("bob", Transport.UDP, "alice").startAndAwaitRegistered();
        carol = user("carol", Transport.UDP, "alice").startAndAwaitRegistered();
        awaitApprovalRequest(alice, bob);
        awaitApprovalRequest(alice, carol);

        alice.core.decideWatcher(null, bob.aor, WatcherDecision.BLOCK).join();
        alice.core.decideWatcher(null, carol.aor, WatcherDecision.ALLOW).join();
        alice.core.setPresence(PresenceState.AWAY, "only for Carol");
        awaitPresence(carol, alice, PresenceState.AWAY, "only for Carol");
        // Carol's NOTIFY and any NOTIFY to Bob leave together; Bob has had no state at all.
        assertThat(bob.eventsOf(ParleyEvent.PresenceChanged.class))
                .allMatch(e -> e.state() == PresenceState.UNKNOWN);
        alice.awaitEvent(ParleyEvent.WatchersChanged.class, e -> e.watchers().stream()
                .noneMatch(w -> w.uri().equals(bob.aor)) && e.watchers().stream()
                .anyMatch(w -> w.uri().equals(carol.aor) && w.status().equals("active")));

        alice.stopCore();
        alice.start();
        alice.awaitRegistered();
        assertThat(alice.core.watcherDecisions(null))
                .containsEntry(bob.aor, WatcherDecision.BLOCK).containsEntry(carol.aor, WatcherDecision.ALLOW);
    }
}
