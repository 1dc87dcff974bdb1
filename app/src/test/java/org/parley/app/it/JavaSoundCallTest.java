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
import org.parley.app.call.CallState;
import org.parley.app.core.CoreOptions;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.media.codec.G711Codec;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.CodecReference;
import org.parley.media.testsupport.PulseAudioServer;
import org.parley.media.testsupport.TestSignals;
import org.slf4j.LoggerFactory;

/**
 * A call through the real Java Sound path once: Alice talks into a virtual microphone (a PulseAudio null sink's
 * monitor) and listens on a virtual speaker (another null sink, recorded from its monitor); Bob uses files. What
 * each side said arrives at the other (PCMU, compared with what the codec alone makes of it).
 */
class JavaSoundCallTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    static Path speech;
    @TempDir
    Path dir;
    private static PulseAudioServer pulse;
    private static Path fromAlice;
    private static Path fromBob;
    private TestUser alice;
    private TestUser bob;

    @BeforeAll
    static void start() throws Exception {
        pulse = PulseAudioServer.start("alice_mic", "alice_speaker");
        pulse.requireJavaSoundRouting();
        pulse.setDefaultSource("alice_mic.monitor");
        pulse.setDefaultSink("alice_speaker");
        fromAlice = telephoneBand("a", "Alice speaking into a real microphone, or nearly so.");
        fromBob = telephoneBand("b", "Bob answers from a file and is heard on a speaker.");
    }

    @AfterAll
    static void stop() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @AfterEach
    void close() {
        for (TestUser u : new TestUser[] {alice, bob}) {
            if (u != null) {
                u.close();
            }
        }
    }

    private static Path telephoneBand(String name, String text) throws Exception {
        Path raw = TestSignals.speech(speech.resolve(name + ".wav"), text);
        Path narrow = TestSignals.soxResample(raw, speech.resolve(name + "-8k.wav"), 8_000);
        return TestSignals.soxResample(narrow, speech.resolve(name + "-48k.wav"), 48_000);
    }

    @Test
    void speechGoesInThroughTheMicrophoneAndOutThroughTheSpeaker() throws Exception {
        CoreOptions options = TestUser.fastOptions().withCodecs(List.of("PCMU"));
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP, options).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP, options).startAndAwaitRegistered();
        Path atBob = dir.resolve("at-bob.wav");
        Path heardByAlice = dir.resolve("alice-speaker.wav");

        try (PulseAudioServer.Recording speaker = pulse.record("alice_speaker.monitor", heardByAlice)) {
            String callId = alice.core.call(null, bob.aor, CallAudio.Devices.defaults()).join();
            ParleyEvent.CallIncoming ringing = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
            bob.core.answer(ringing.callId(), new CallAudio.Files(Optional.of(fromBob), Optional.of(atBob))).join();
            alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                    e -> e.callId().equals(callId) && e.state() == CallState.ACTIVE);

            Process talking = pulse.play(fromAlice, "alice_mic");
            assertThat(talking.waitFor(30, TimeUnit.SECONDS)).as("paplay finished").isTrue();
            long afterTalk = bob.core.callStats(ringing.callId()).join().orElseThrow().packetsReceived();
            long bobFrames = TestSignals.readRaw(fromBob).length / 960L;
            // half a second more of the microphone (capture lags), and Bob's whole sentence played at Alice
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    bob.core.callStats(ringing.callId()).join().orElseThrow().packetsReceived() > afterTalk + 25
                            && alice.core.callStats(callId).join().orElseThrow().packetsReceived() > bobFrames + 25);
            alice.core.hangUp(callId);
            bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.end() instanceof CallEnd.RemoteHungUp);
            speaker.stop();
        }

        AudioCompare.Result toBob = AudioCompare.compareBySegments(
                CodecReference.through(G711Codec.PCMU, TestSignals.readRaw(fromAlice)), TestSignals.readRaw(atBob),
                4_800, 4_800);
        AudioCompare.Result toAlice = AudioCompare.compareBySegments(
                CodecReference.through(G711Codec.PCMU, TestSignals.readRaw(fromBob)),
                TestSignals.readRaw(heardByAlice), 4_800, 4_800);
        LoggerFactory.getLogger(JavaSoundCallTest.class).info("microphone to Bob: {}; Bob to speaker: {}",
                toBob, toAlice);
        assertThat(toBob.correlation()).as("microphone to Bob: %s", toBob).isGreaterThanOrEqualTo(0.95);
        assertThat(toAlice.correlation()).as("Bob to the speaker: %s", toAlice).isGreaterThanOrEqualTo(0.95);
    }
}
