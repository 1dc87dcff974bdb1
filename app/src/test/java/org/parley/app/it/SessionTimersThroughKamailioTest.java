package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.sip.call.SessionTimerPolicy;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;

/**
 * Session timers (RFC 4028) and offer-less INVITEs (RFC 3261 §13.2.1) between Parley and SIPp through Kamailio.
 *
 * <p>Tests that need a timer to run out or fall due lower Parley's minimum session interval to 4 s through
 * {@link org.parley.app.core.CoreOptions#withSessionTimers}, so that a 6 s interval is accepted and the call
 * lasts seconds instead of minutes; the headers on the wire and the timing rules (refresh at half, BYE at
 * interval minus a third) are the same as with the standard 90 s. The others run with the standard minimum.
 */
class SessionTimersThroughKamailioTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();
    private static final Duration SIPP_PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private TestUser bob;
    private SippPeer sipp;

    @AfterEach
    void close() {
        if (sipp != null) {
            sipp.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    private void startBob(boolean shortMinimum) throws Exception {
        SessionTimerPolicy timers = shortMinimum
                ? new SessionTimerPolicy(4, SessionTimerPolicy.STANDARD.requestedSeconds())
                : SessionTimerPolicy.STANDARD;
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP,
                TestUser.fastOptions().withSessionTimers(timers)).startAndAwaitRegistered();
    }

    private SippPeer caller(String scenario, Map<String, String> keys) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(keys);
        all.put("callee", "bob");
        all.put("domain", kamailio.domain());
        return SippPeer.start(scenario, dir, kamailio.host() + ":" + kamailio.udpPort(), all);
    }

    private static CallAudio silent() {
        return new CallAudio.Files(Optional.empty(), Optional.empty());
    }

    private String answerIncoming() {
        ParleyEvent.CallIncoming incoming;
        try {
            incoming = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no incoming call; SIPp saw:\n" + sipp.messages(), e);
        }
        bob.core.answer(incoming.callId(), silent()).join();
        return incoming.callId();
    }

    private void assertSippPassed() throws InterruptedException {
        assertThat(sipp.awaitExit(SIPP_PATIENCE)).as(sipp.messages()).isZero();
    }

    @Test
    void aRequestedTimerIsAnsweredWithRequireTimerAndARefreshKeepsTheCallUp() throws Exception {
        startBob(false);
        sipp = caller("session-timer-refreshed-by-caller.xml", Map.of()); // asks 90;refresher=uac
        String callId = answerIncoming();

        assertSippPassed(); // 200 and the refresh's 200 carried Session-Expires: 90;refresher=uac and Require: timer
        ParleyEvent.CallEnded end = bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(callId));
        assertThat(end.end()).isEqualTo(new CallEnd.RemoteHungUp());
    }

    @Test
    void whenTheRefresherFallsSilentTheCalleeSaysByeAsSessionExpired() throws Exception {
        startBob(true);
        sipp = caller("session-timer-not-refreshed.xml", Map.of()); // asks 6;refresher=uac, refreshes at 3 s
        String callId = answerIncoming();
        bob.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.state() == CallState.ACTIVE);
        long active = System.nanoTime();

        ParleyEvent.CallEnded end = await().atMost(Duration.ofSeconds(20)).until(() -> bob.eventsOf(
                ParleyEvent.CallEnded.class).stream().filter(e -> e.callId().equals(callId)).findFirst()
                .orElse(null), e -> e != null);
        Duration lasted = Duration.ofNanos(System.nanoTime() - active);
        assertThat(end.end()).isEqualTo(new CallEnd.SessionExpired());
        // 6 s interval: BYE 4 s after the last refresh; the refresh at 3 s moved it from 4 s to about 7 s
        assertThat(lasted).isBetween(Duration.ofMillis(6_000), Duration.ofMillis(9_500));
        assertSippPassed(); // it received the BYE
    }

    @Test
    void anIntervalBelowOurMinimumIsRefusedWith422AndMinSe() throws Exception {
        startBob(false);
        sipp = caller("session-interval-too-small.xml", Map.of()); // asks 30 s, expects Min-SE: 90

        assertSippPassed();
        assertThat(bob.eventsOf(ParleyEvent.CallIncoming.class)).isEmpty();
    }

    @Test
    void aCallWithoutOfferGetsOurOfferInThe200AndStartsWithTheAnswerInTheAck() throws Exception {
        startBob(false);
        sipp = caller("invite-without-offer.xml", Map.of());
        String callId = answerIncoming();

        bob.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.callId().equals(callId)
                && e.state() == CallState.ACTIVE);
        assertThat(bob.core.callStats(callId).join()).isPresent();
        assertSippPassed();
        assertThat(bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(callId)).end())
                .isEqualTo(new CallEnd.RemoteHungUp());
    }

    @Test
    void anAckWithoutTheAnswerToOurOfferEndsTheCallWithBye() throws Exception {
        startBob(false);
        sipp = caller("ack-without-answer.xml", Map.of());
        String callId = answerIncoming();

        ParleyEvent.CallEnded end = bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(callId));
        assertThat(end.end()).isInstanceOf(CallEnd.Failed.class);
        assertSippPassed(); // it received the BYE
        assertThat(bob.eventsOf(ParleyEvent.CallEnded.class)).hasSize(1);
    }

    @Test
    void asTheRefresherParleyReinvitesAtHalfTheInterval() throws Exception {
        startBob(true);
        sipp = SippPeer.start("session-timer-callee.xml", dir, "", Map.of("se", "6;refresher=uac"));
        String callId = bob.core.call(null, "sip:dave@127.0.0.1:" + sipp.port, silent()).join();
        bob.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.callId().equals(callId)
                && e.state() == CallState.ACTIVE);
        long active = System.nanoTime();

        await().atMost(Duration.ofSeconds(10)).until(() -> sipp.received("INVITE") >= 2);
        Duration refreshedAfter = Duration.ofNanos(System.nanoTime() - active);
        assertThat(refreshedAfter).isBetween(Duration.ofMillis(2_500), Duration.ofMillis(4_500));
        assertThat(bob.eventsOf(ParleyEvent.CallEnded.class)).isEmpty();
        bob.core.hangUp(callId);
        assertSippPassed();
    }

    @Test
    void a422ToOurInviteIsAnsweredByCallingAgainWithItsMinimum() throws Exception {
        startBob(false);
        sipp = SippPeer.start("session-interval-raised-by-callee.xml", dir, "", Map.of());
        String callId = bob.core.call(null, "sip:dave@127.0.0.1:" + sipp.port, silent()).join();
        bob.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.callId().equals(callId)
                && e.state() == CallState.ACTIVE);

        bob.core.hangUp(callId);
        assertSippPassed(); // the second INVITE asked for 2400;refresher=uac with Min-SE: 2400
        assertThat(bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(callId)).end())
                .isEqualTo(new CallEnd.HungUp());
    }
}
