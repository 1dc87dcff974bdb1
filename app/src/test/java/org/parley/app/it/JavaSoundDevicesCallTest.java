package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallLevels;
import org.parley.app.call.CallPreferences;
import org.parley.app.call.CallState;
import org.parley.app.call.SoundDevices;
import org.parley.app.core.CoreOptions;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.media.codec.G711Codec;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.CodecReference;
import org.parley.media.testsupport.PulseAudioServer;
import org.parley.media.testsupport.TestSignals;

/**
 * The user's device choices through real Java Sound (PulseAudio null sinks, see {@link JavaSoundCallTest}): a
 * chosen device that is not there falls back to the default and says so, the level meters follow what is sent
 * and played (and read silence while muted), the ring tone plays on the ringing device (or the default), and the
 * call-waiting choice applies at run time.
 */
class JavaSoundDevicesCallTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    static Path signals;
    @TempDir
    Path dir;
    private static PulseAudioServer pulse;
    private static Path fromAlice;
    private static Path fromBob;
    private static Path tone;
    private TestUser alice;
    private TestUser bob;
    private TestUser carol;

    @BeforeAll
    static void start() throws Exception {
        pulse = PulseAudioServer.start("alice_mic", "alice_speaker");
        pulse.requireJavaSoundRouting();
        pulse.setDefaultSource("alice_mic.monitor");
        pulse.setDefaultSink("alice_speaker");
        fromAlice = telephoneBand("a", "Alice picked a microphone that is gone, and still gets through.");
        fromBob = telephoneBand("b", "Bob talks from a file for a few seconds, so that the meter can move.");
        tone = TestSignals.writeWav(signals.resolve("tone.wav"), TestSignals.tone(440, 6, 0.5, 48_000), 48_000);
    }

    @AfterAll
    static void stop() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @AfterEach
    void close() {
        for (TestUser u : new TestUser[] {alice, bob, carol}) {
            if (u != null) {
                u.close();
            }
        }
    }

    private static Path telephoneBand(String name, String text) throws Exception {
        Path raw = TestSignals.speech(signals.resolve(name + ".wav"), text);
        Path narrow = TestSignals.soxResample(raw, signals.resolve(name + "-8k.wav"), 8_000);
        return TestSignals.soxResample(narrow, signals.resolve(name + "-48k.wav"), 48_000);
    }

    private static CoreOptions pcmu() {
        return TestUser.fastOptions().withCodecs(List.of("PCMU"));
    }

    @Test
    void theDefaultDeviceIsListed() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP, pcmu()).start();
        SoundDevices devices = alice.core.soundDevices().get(10, TimeUnit.SECONDS);
        assertThat(devices.microphones()).anyMatch(SoundDevices.Device::isDefault);
        assertThat(devices.speakers()).anyMatch(SoundDevices.Device::isDefault);
        assertThat(devices.speakers()).allMatch(d -> !d.id().isBlank() && !d.name().isBlank());
    }

    @Test
    void aMissingDeviceFallsBackToTheDefaultAndTheMetersFollowTheAudio() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP, pcmu()).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP, pcmu()).startAndAwaitRegistered();
        Path atBob = dir.resolve("at-bob.wav");
        CallAudio gone = new CallAudio.Devices(Optional.of("Unplugged USB headset"), Optional.of("Gone speaker"));

        String callId = alice.core.call(null, bob.aor, gone).join();
        ParleyEvent.CallIncoming ringing = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
        bob.core.answer(ringing.callId(), new CallAudio.Files(Optional.of(fromBob), Optional.of(atBob))).join();
        alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(callId) && e.state() == CallState.ACTIVE);

        CallLevels first = levels(callId);
        assertThat(first.microphone().kind()).isEqualTo(CallLevels.Kind.DEFAULT_FALLBACK);
        assertThat(first.microphone().requested()).contains("Unplugged USB headset");
        assertThat(first.microphone().inUse()).isPresent();
        assertThat(first.speaker().kind()).isEqualTo(CallLevels.Kind.DEFAULT_FALLBACK);
        assertThat(first.speaker().requested()).contains("Gone speaker");
        // Bob's file plays on Alice's (default) speaker: the output meter moves.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> levels(callId).output() > 0.05);

        Process talking = pulse.play(fromAlice, "alice_mic");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> levels(callId).input() > 0.05);
        assertThat(talking.waitFor(30, TimeUnit.SECONDS)).as("paplay finished").isTrue();
        long afterTalk = bob.core.callStats(ringing.callId()).join().orElseThrow().packetsReceived();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                bob.core.callStats(ringing.callId()).join().orElseThrow().packetsReceived() > afterTalk + 25);

        // Muted, a loud tone in the microphone reads as silence; unmuted, the same tone moves the meter again.
        alice.core.setMuted(callId, true);
        Process humming = pulse.play(tone, "alice_mic");
        await().pollDelay(Duration.ofMillis(100)).during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(20)).until(() -> levels(callId).inputDbfs() == CallLevels.FLOOR_DBFS);
        alice.core.setMuted(callId, false);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> levels(callId).input() > 0.3);
        humming.destroy();

        alice.core.hangUp(callId);
        bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.end() instanceof CallEnd.RemoteHungUp);
        assertThat(alice.core.callLevels(callId).join()).isEmpty();
        AudioCompare.Result toBob = AudioCompare.compareBySegments(
                CodecReference.through(G711Codec.PCMU, TestSignals.readRaw(fromAlice)), TestSignals.readRaw(atBob),
                4_800, 4_800);
        assertThat(toBob.correlation()).as("microphone (the default) to Bob: %s", toBob).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theRingPlaysOnTheDefaultWhenTheRingingDeviceIsMissingAndCallWaitingChangesAtRunTime() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP, pcmu()).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP, pcmu().withRinging(true))
                .startAndAwaitRegistered();
        carol = TestUser.create(dir, kamailio, "carol", "carolpw", Transport.UDP, pcmu()).startAndAwaitRegistered();
        bob.core.setCallPreferences(new CallPreferences(Optional.of("Unplugged ringer"), true));
        CallAudio silent = new CallAudio.Files(Optional.empty(), Optional.empty());
        Path heard = dir.resolve("ring.wav");

        String first;
        ParleyEvent.CallIncoming atBob;
        try (PulseAudioServer.Recording speaker = pulse.record("alice_speaker.monitor", heard)) {
            first = alice.core.call(null, bob.aor, silent).join();
            atBob = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
            await().atMost(Duration.ofSeconds(10)).until(() -> peak(heard) > 0.1);
            bob.core.answer(atBob.callId(), silent).join();
            speaker.stop();
        }
        alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(first) && e.state() == CallState.ACTIVE);

        bob.core.setCallPreferences(new CallPreferences(Optional.empty(), false));
        String refused = carol.core.call(null, bob.aor, silent).join();
        carol.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(refused) && e.end() instanceof CallEnd.Busy);
        assertThat(bob.eventsOf(ParleyEvent.CallIncoming.class)).hasSize(1);

        bob.core.setCallPreferences(new CallPreferences(Optional.empty(), true));
        String waiting = carol.core.call(null, bob.aor, silent).join();
        bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> e.from().equals(carol.aor));
        carol.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(waiting) && e.state() == CallState.RINGING);
        carol.core.hangUp(waiting);
        alice.core.hangUp(first);
        bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(atBob.callId()));
    }

    private CallLevels levels(String callId) {
        return alice.core.callLevels(callId).join().orElseThrow();
    }

    /** Peak of what parecord has written so far: the samples after the "data" chunk id, whatever its header says. */
    private static double peak(Path wav) throws java.io.IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(wav);
        int data = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("data");
        int peak = 0;
        for (int i = data < 0 ? bytes.length : data + 8; i + 1 < bytes.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((bytes[i] & 0xff) | bytes[i + 1] << 8)));
        }
        return peak / 32768.0;
    }
}
