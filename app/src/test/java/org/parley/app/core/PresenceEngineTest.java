package org.parley.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.app.ParleyEvent;
import org.parley.app.SipAddress;
import org.parley.app.presence.Note;
import org.parley.app.presence.Pidf;
import org.parley.app.presence.PresenceState;
import org.parley.app.presence.Publication;
import org.parley.app.presence.Watcher;
import org.parley.app.presence.WatcherDecision;
import org.parley.app.sip.presence.SubscriptionState;

/** The presence engine without SIP: what it publishes, and how NOTIFY bodies become events. */
class PresenceEngineTest {
    private static final String ALICE = "sip:alice@example.com";
    private static final SipAddress BOB = SipAddress.parse("sip:bob@example.com");
    private static final SubscriptionState ACTIVE = new SubscriptionState(SubscriptionState.Kind.ACTIVE, null, -1, 600);

    private final List<ParleyEvent> events = new ArrayList<>();
    private final List<byte[]> published = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();
    private final PresenceEngine engine = new PresenceEngine(events::add, "device-1",
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    private void attach() {
        engine.attach(new PresenceTransport() {
            @Override
            public void publish(String account, byte[] pidf) {
                published.add(pidf);
            }

            @Override
            public void signOutDocument(String account, byte[] pidf) {
            }

            @Override
            public void watch(String account, List<SipAddress> contacts) {
            }

            @Override
            public void decided(String account, SipAddress watcher, WatcherDecision decision) {
                decisions.add(watcher + "=" + decision);
            }
        }, List.of(ALICE), Map.of());
    }

    private PresenceState lastPublished() throws Exception {
        return new Pidf().decode(ALICE, published.get(published.size() - 1)).state();
    }

    private static byte[] document(PresenceState state, String note) {
        return new Pidf().encode(Publication.of(BOB, "d", state, note == null ? null : Note.of(note), Instant.now()));
    }

    @Test
    void aCallPublishesOnThePhoneAndTheChoiceComesBackAfterwards() throws Exception {
        attach();
        engine.setOwn(PresenceState.BUSY, "review", List.of(ALICE));
        engine.setInCall(true, List.of(ALICE));
        assertThat(lastPublished()).isEqualTo(PresenceState.ON_THE_PHONE);
        engine.setInCall(false, List.of(ALICE));
        assertThat(lastPublished()).isEqualTo(PresenceState.BUSY);

        engine.setOwn(PresenceState.DO_NOT_DISTURB, "", List.of(ALICE));
        engine.setInCall(true, List.of(ALICE));
        assertThat(lastPublished()).as("do-not-disturb is kept during a call").isEqualTo(PresenceState.DO_NOT_DISTURB);
    }

    @Test
    void notifyBodiesBecomeEventsOnlyWhenSomethingChanged() {
        attach();
        byte[] busy = document(PresenceState.BUSY, "in a review");
        engine.notified(ALICE, BOB, busy, "application/pidf+xml", ACTIVE);
        engine.notified(ALICE, BOB, busy, "application/pidf+xml", ACTIVE);
        engine.notified(ALICE, BOB, "<not xml".getBytes(StandardCharsets.UTF_8), "application/pidf+xml", ACTIVE);
        assertThat(events).containsExactly(new ParleyEvent.PresenceChanged(ALICE, BOB.toString(), PresenceState.BUSY,
                "in a review"));

        engine.notified(ALICE, BOB, new byte[0], "", ACTIVE);
        assertThat(events).last().isEqualTo(new ParleyEvent.PresenceChanged(ALICE, BOB.toString(),
                PresenceState.UNKNOWN, ""));

        engine.accountOffline(ALICE);
        assertThat(events).hasSize(2);
    }

    @Test
    void anEmptyBodyAfterOfflineStaysOffline() {
        attach();
        engine.notified(ALICE, BOB, document(PresenceState.OFFLINE, null), "application/pidf+xml", ACTIVE);
        engine.notified(ALICE, BOB, new byte[0], "", ACTIVE);
        assertThat(engine.presenceOf(ALICE, BOB.toString()).state()).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void aFinalNotifyWithADocumentShowsItAndAnUnreachableContactIsOffline() {
        attach();
        SubscriptionState ended = new SubscriptionState(SubscriptionState.Kind.TERMINATED, "deactivated", -1, -1);
        engine.notified(ALICE, BOB, document(PresenceState.OFFLINE, null), "application/pidf+xml", ended);
        assertThat(engine.presenceOf(ALICE, BOB.toString()).state()).isEqualTo(PresenceState.OFFLINE);

        SipAddress carol = SipAddress.parse("sip:carol@example.com");
        engine.unreachable(ALICE, carol, "480 Temporarily Unavailable");
        assertThat(events).last().isEqualTo(new ParleyEvent.PresenceChanged(ALICE, carol.toString(),
                PresenceState.OFFLINE, ""));
    }

    @Test
    void servedWatchersAndServerWatcherInfoAreShownTogether() {
        attach();
        Watcher served = new Watcher("call-1", "sip:carol@example.com", "pending");
        engine.servedWatchers(ALICE, List.of(served));
        engine.servedWatchers(ALICE, List.of(served));
        byte[] winfo = ("<?xml version=\"1.0\"?><watcherinfo xmlns=\"urn:ietf:params:xml:ns:watcherinfo\" version=\"0\""
                + " state=\"full\"><watcher-list resource=\"sip:alice@example.com\" package=\"presence\">"
                + "<watcher id=\"w1\" event=\"subscribe\" status=\"active\">sip:bob@example.com</watcher>"
                + "</watcher-list></watcherinfo>").getBytes(StandardCharsets.UTF_8);
        engine.watchers(ALICE, winfo, ACTIVE);

        List<ParleyEvent.WatchersChanged> changes = events.stream()
                .filter(ParleyEvent.WatchersChanged.class::isInstance).map(ParleyEvent.WatchersChanged.class::cast)
                .toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).watchers()).extracting(Watcher::uri)
                .containsExactlyInAnyOrder("sip:bob@example.com", "sip:carol@example.com");
    }

    @Test
    void aNewWatcherIsAskedAboutAndTheDecisionReachesSignalling() {
        attach();
        SipAddress carol = SipAddress.parse("sip:carol@example.com");
        engine.approvalNeeded(ALICE, carol, "Carol C.");
        assertThat(events).last().isEqualTo(new ParleyEvent.WatcherApprovalNeeded(ALICE, carol.toString(), "Carol C."));

        engine.decided(ALICE, carol, WatcherDecision.BLOCK);
        assertThat(decisions).containsExactly(carol + "=BLOCK");
    }
}
