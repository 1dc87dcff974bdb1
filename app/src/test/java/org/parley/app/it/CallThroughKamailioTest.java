package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.call.CallStats;
import org.parley.app.core.CoreOptions;
import org.parley.app.presence.PresenceState;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.media.codec.Codec;
import org.parley.media.codec.Codecs;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.CodecReference;
import org.slf4j.LoggerFactory;
import org.parley.media.testsupport.TestSignals;

/**
 * Calls between two Parley cores through Kamailio with WAV files as devices: speech sent each way arrives (aligned
 * by cross-correlation), hang-up reaches the other side, a busy or do-not-disturb callee and a cancelled call
 * end with the right reason.
 */
class CallThroughKamailioTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    static Path speech;
    @TempDir
    Path dir;
    private TestUser alice;
    private TestUser bob;

    private static Path fromAlice;
    private static Path fromBob;

    @BeforeAll
    static void speak() throws Exception {
        fromAlice = telephoneBand("a", "Hello Bob, this is Alice calling about the quarterly numbers.");
        fromBob = telephoneBand("b", "Hi Alice, Bob here, the numbers look fine to me.");
    }

    /**
     * Spoken {@code text} at 48 kHz but only in the telephone band (through 8 kHz and back), so that G.711's band
     * limit is not counted against the call path.
     */
    private static Path telephoneBand(String name, String text) throws Exception {
        Path raw = TestSignals.speech(speech.resolve(name + ".wav"), text);
        Path narrow = TestSignals.soxResample(raw, speech.resolve(name + "-8k.wav"), 8_000);
        return TestSignals.soxResample(narrow, speech.resolve(name + "-48k.wav"), 48_000);
    }

    @AfterEach
    void close() {
        for (TestUser u : new TestUser[] {alice, bob}) {
            if (u != null) {
                u.close();
            }
        }
    }

    private static CallAudio.Files files(Path play, Path record) {
        return new CallAudio.Files(Optional.ofNullable(play), Optional.ofNullable(record));
    }

    private static long packets(Path wav) throws Exception {
        return TestSignals.readRaw(wav).length / 960 + 25; // 20 ms each, plus half a second of margin
    }

    /**
     * What the call delivered, against what the codec alone makes of the sentence, aligned in 100 ms segments
     * (the jitter buffer skips or inserts whole frames as it adapts, which shifts later audio by 20 ms).
     */
    private static AudioCompare.Result compare(Codec codec, Path sent, Path recorded) throws Exception {
        short[] reference = CodecReference.through(codec, TestSignals.readRaw(sent));
        return AudioCompare.compareBySegments(reference, TestSignals.readRaw(recorded), 4_800, 4_800);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opus", "PCMU", "PCMA"})
    void speechTravelsBothWaysAndHangingUpEndsTheCallOnBothSides(String codecName) throws Exception {
        talk(codecName, Transport.UDP, Transport.TCP, false);
    }

    @Test
    void overTlsTheAudioIsEncryptedWithSrtpAndStillArrives() throws Exception {
        talk("opus", Transport.TLS, Transport.TLS, true);
    }

    private void talk(String codecName, Transport aliceVia, Transport bobVia, boolean encrypted) throws Exception {
        CoreOptions options = TestUser.fastOptions().withCodecs(List.of(codecName));
        Codec codec = Codecs.standard().inPreferenceOrder().stream()
                .filter(c -> c.encodingName().equalsIgnoreCase(codecName)).findFirst().orElseThrow();
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", aliceVia, options).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", bobVia, options).startAndAwaitRegistered();
        Path atBob = dir.resolve("at-bob.wav");
        Path atAlice = dir.resolve("at-alice.wav");

        String callId = alice.core.call(null, bob.aor, files(fromAlice, atAlice)).join();
        ParleyEvent.CallIncoming ringing = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
        assertThat(ringing.from()).isEqualTo(alice.aor);
        alice.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.state() == CallState.RINGING);
        bob.core.answer(ringing.callId(), files(fromBob, atBob)).join();
        alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(callId) && e.state() == CallState.ACTIVE);

        long needed = Math.max(packets(fromAlice), packets(fromBob));
        await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                alice.core.callStats(callId).join().map(s -> s.packetsReceived() >= needed).orElse(false)
                        && bob.core.callStats(ringing.callId()).join().map(s -> s.packetsReceived() >= needed)
                        .orElse(false));
        CallStats atBobStats = bob.core.callStats(ringing.callId()).join().orElseThrow();
        CallStats atAliceStats = alice.core.callStats(callId).join().orElseThrow();
        assertThat(atBobStats.encrypted()).isEqualTo(encrypted);
        assertThat(atAliceStats.encrypted()).isEqualTo(encrypted);
        alice.core.hangUp(callId);
        alice.awaitEvent(ParleyEvent.CallEnded.class, e -> e.end() instanceof CallEnd.HungUp);
        bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.end() instanceof CallEnd.RemoteHungUp);
        assertThat(alice.profile.calls().recent(5)).singleElement().satisfies(r -> {
            assertThat(r.peer()).isEqualTo(bob.aor);
            assertThat(r.direction()).isEqualTo(org.parley.storage.Direction.OUT);
            assertThat(r.answered()).isPresent();
            assertThat(r.endReason()).isEqualTo("hangup");
            assertThat(r.codec()).startsWithIgnoringCase(codecName);
        });
        assertThat(bob.profile.calls().recent(5)).singleElement()
                .satisfies(r -> assertThat(r.endReason()).isEqualTo("remote_hangup"));

        await().until(() -> Files.exists(atBob) && Files.exists(atAlice));
        assertThat(alice.core.callStats(callId).join()).isEmpty(); // over: no figures any more
        AudioCompare.Result toBob = compare(codec, fromAlice, atBob);
        AudioCompare.Result toAlice = compare(codec, fromBob, atAlice);
        LoggerFactory.getLogger(CallThroughKamailioTest.class).info("{}: Alice to Bob {}; {}. Bob to Alice {}; {}",
                codecName, toBob, atBobStats, toAlice, atAliceStats);
        assertThat(toBob.correlation()).as("Alice to Bob: %s; %s", toBob, atBobStats).isGreaterThanOrEqualTo(0.95);
        assertThat(toAlice.correlation()).as("Bob to Alice: %s; %s", toAlice, atAliceStats).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void doNotDisturbRefusesACallAsBusy() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered();
        bob.core.setPresence(PresenceState.DO_NOT_DISTURB, "focus");

        String callId = alice.core.call(null, bob.aor, files(null, null)).join();
        alice.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(callId) && e.end() instanceof CallEnd.Busy);
        assertThat(bob.eventsOf(ParleyEvent.CallIncoming.class)).isEmpty();
    }

    @Test
    void aCallCancelledBeforeAnswerEndsAsCancelledOnBothSides() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered();

        String callId = alice.core.call(null, bob.aor, files(null, null)).join();
        ParleyEvent.CallIncoming ringing = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
        alice.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.state() == CallState.RINGING);
        alice.core.hangUp(callId);
        alice.awaitEvent(ParleyEvent.CallEnded.class, e -> e.end() instanceof CallEnd.Cancelled);
        bob.awaitEvent(ParleyEvent.CallEnded.class,
                e -> e.callId().equals(ringing.callId()) && e.end() instanceof CallEnd.Cancelled);
    }

    @Test
    void declinedAndUnknownCalleesEndWithTheirReason() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered();

        String declined = alice.core.call(null, bob.aor, files(null, null)).join();
        ParleyEvent.CallIncoming ringing = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
        bob.core.hangUp(ringing.callId());
        alice.awaitEvent(ParleyEvent.CallEnded.class,
                e -> e.callId().equals(declined) && e.end() instanceof CallEnd.Declined);

        String unknown = alice.core.call(null, "sip:nobody@" + kamailio.domain(), files(null, null)).join();
        ParleyEvent.CallEnded end = alice.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(unknown));
        assertThat(end.end()).isEqualTo(new CallEnd.Rejected(404, "Not Found"));
    }

    @Test
    void holdResumeAndKeyPressesWorkDuringACall() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered();
        String callId = alice.core.call(null, bob.aor, files(null, null)).join();
        ParleyEvent.CallIncoming ringing = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
        bob.core.answer(ringing.callId(), files(null, null)).join();
        alice.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.state() == CallState.ACTIVE);

        assertThat(alice.core.hold(callId, true).join()).isTrue();
        alice.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.state() == CallState.ON_HOLD);
        bob.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(ringing.callId()) && e.state() == CallState.REMOTE_HOLD);
        long heldAt = bob.core.callStats(ringing.callId()).join().orElseThrow().packetsReceived();

        assertThat(alice.core.hold(callId, false).join()).isTrue();
        int resumed = alice.eventsOf(ParleyEvent.CallStateChanged.class).size();
        await().until(() -> alice.eventsOf(ParleyEvent.CallStateChanged.class).stream().skip(resumed - 1L)
                .anyMatch(e -> e.state() == CallState.ACTIVE));
        bob.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(ringing.callId()) && e.state() == CallState.ACTIVE
                        && bob.eventsOf(ParleyEvent.CallStateChanged.class).indexOf(e) > 0);
        await().until(() -> bob.core.callStats(ringing.callId()).join().orElseThrow().packetsReceived() > heldAt + 25);

        assertThat(alice.core.sendDtmf(callId, "15#").join()).isTrue();
        await().until(() -> bob.eventsOf(ParleyEvent.DtmfReceived.class).size() >= 3);
        assertThat(bob.eventsOf(ParleyEvent.DtmfReceived.class)).extracting(ParleyEvent.DtmfReceived::digit)
                .containsExactly('1', '5', '#');

        bob.core.hangUp(ringing.callId());
        alice.awaitEvent(ParleyEvent.CallEnded.class, e -> e.end() instanceof CallEnd.RemoteHungUp);
    }

    @Test
    void aBlindTransferConnectsThePeerWithTheTargetAndEndsOurCall() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered();
        try (TestUser carol = TestUser.create(dir, kamailio, "carol", "carolpw", Transport.TCP)
                .startAndAwaitRegistered()) {
            String callId = alice.core.call(null, bob.aor, files(null, null)).join();
            ParleyEvent.CallIncoming atBob = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
            bob.core.answer(atBob.callId(), files(null, null)).join();
            alice.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.state() == CallState.ACTIVE);

            assertThat(alice.core.transfer(callId, carol.aor).join()).isTrue();
            ParleyEvent.CallIncoming atCarol = carol.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
            assertThat(atCarol.from()).isEqualTo(bob.aor);
            carol.core.answer(atCarol.callId(), files(null, null)).join();

            ParleyEvent.CallEnded ours = alice.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(callId));
            assertThat(ours.end()).isEqualTo(new CallEnd.Transferred(carol.aor));
            bob.awaitEvent(ParleyEvent.CallEnded.class,
                    e -> e.callId().equals(atBob.callId()) && e.end() instanceof CallEnd.RemoteHungUp);
            bob.awaitEvent(ParleyEvent.CallStateChanged.class,
                    e -> !e.callId().equals(atBob.callId()) && e.peer().equals(carol.aor) && e.state() == CallState.ACTIVE);
            carol.core.hangUp(atCarol.callId());
            bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.peer().equals(carol.aor));
        }
    }

    @Test
    void aTransferToSomeoneBusyLeavesTheCallUp() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered();
        try (TestUser carol = TestUser.create(dir, kamailio, "carol", "carolpw", Transport.UDP)
                .startAndAwaitRegistered()) {
            carol.core.setPresence(PresenceState.DO_NOT_DISTURB, "");
            String callId = alice.core.call(null, bob.aor, files(null, null)).join();
            ParleyEvent.CallIncoming atBob = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
            bob.core.answer(atBob.callId(), files(null, null)).join();
            alice.awaitEvent(ParleyEvent.CallStateChanged.class, e -> e.state() == CallState.ACTIVE);

            assertThat(alice.core.transfer(callId, carol.aor).join()).isTrue();
            ParleyEvent.CallTransferFailed failed = alice.awaitEvent(ParleyEvent.CallTransferFailed.class, e -> true);
            assertThat(failed.status()).isEqualTo(486);
            assertThat(alice.core.callStats(callId).join()).isPresent();
            alice.core.hangUp(callId);
            bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(atBob.callId()));
        }
    }

    @Test
    void aSecondCallRingsDuringACallUnlessTheUserChoseBusy() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP,
                TestUser.fastOptions().withCallWaiting(false)).startAndAwaitRegistered();
        try (TestUser carol = TestUser.create(dir, kamailio, "carol", "carolpw", Transport.UDP)
                .startAndAwaitRegistered()) {
            String first = alice.core.call(null, bob.aor, files(null, null)).join();
            ParleyEvent.CallIncoming atBob = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
            bob.core.answer(atBob.callId(), files(null, null)).join();
            alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                    e -> e.callId().equals(first) && e.state() == CallState.ACTIVE);

            String second = carol.core.call(null, bob.aor, files(null, null)).join();
            carol.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(second) && e.end() instanceof CallEnd.Busy);
            assertThat(bob.eventsOf(ParleyEvent.CallIncoming.class)).hasSize(1);

            // Alice has call waiting (the default): Carol's call to her rings while she talks to Bob.
            String third = carol.core.call(null, alice.aor, files(null, null)).join();
            alice.awaitEvent(ParleyEvent.CallIncoming.class, e -> e.from().equals(carol.aor));
            carol.awaitEvent(ParleyEvent.CallStateChanged.class,
                    e -> e.callId().equals(third) && e.state() == CallState.RINGING);
            carol.core.hangUp(third);
            alice.core.hangUp(first);
            bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(atBob.callId()));
        }
    }
}
