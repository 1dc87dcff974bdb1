package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.call.CallStats;
import org.parley.app.core.CoreOptions;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.baresip.BaresipAccount;
import org.parley.app.testsupport.baresip.BaresipCodec;
import org.parley.app.testsupport.baresip.BaresipPeer;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.media.codec.Codec;
import org.parley.media.codec.Codecs;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.CodecReference;
import org.parley.media.testsupport.TestSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls between Parley and a real SIP phone (baresip 1.0) through Kamailio, with WAV files as microphones and
 * recorders at both ends: either side calls, speech arrives both ways (aligned by cross-correlation), hanging up
 * on either side ends the call on the other, key presses (RFC 4733) arrive both ways.
 */
class BaresipCallTest {
    private static final Logger LOG = LoggerFactory.getLogger(BaresipCallTest.class);
    /** baresip hangs up when its microphone file ends: its file is padded with silence to this length. */
    private static final int MICROPHONE_SECONDS = 20;

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    static Path speech;
    @TempDir
    Path dir;
    private TestUser alice;
    private BaresipPeer carol;

    private static Path aliceSays;
    private static Path carolSays;
    private static Path carolMicrophone8k;
    private static Path carolMicrophone48k;

    @BeforeAll
    static void speak() throws Exception {
        aliceSays = telephoneBand("a", "Hello Carol, this is Alice calling from Parley about the quarterly numbers.");
        carolSays = telephoneBand("c", "Hi Alice, Carol here on a baresip phone, the numbers look fine to me.");
        carolMicrophone8k = padded(speech.resolve("c-8k.wav"), 8_000);
        carolMicrophone48k = padded(carolSays, 48_000);
    }

    /** Spoken {@code text} at 48 kHz, limited to the telephone band (through 8 kHz and back). */
    private static Path telephoneBand(String name, String text) throws Exception {
        Path raw = TestSignals.speech(speech.resolve(name + ".wav"), text);
        Path narrow = TestSignals.soxResample(raw, speech.resolve(name + "-8k.wav"), 8_000);
        return TestSignals.soxResample(narrow, speech.resolve(name + "-48k.wav"), 48_000);
    }

    private static Path padded(Path wav, int rate) throws Exception {
        short[] samples = Arrays.copyOf(TestSignals.readRaw(wav), MICROPHONE_SECONDS * rate);
        return TestSignals.writeWav(speech.resolve("mic-" + rate + ".wav"), samples, rate);
    }

    @AfterEach
    void close() {
        if (carol != null) {
            carol.close(); // before Kamailio stops: it un-registers
        }
        if (alice != null) {
            alice.close();
        }
    }

    private void startBoth(BaresipCodec codec) throws Exception {
        CoreOptions options = TestUser.fastOptions().withCodecs(List.of(codec.parleyName()));
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP, options).startAndAwaitRegistered();
        carol = BaresipPeer.start(new BaresipAccount("carol", "carolpw", kamailio.domain(), kamailio.host(),
                kamailio.udpPort()), codec, codec == BaresipCodec.PCMU ? carolMicrophone8k : carolMicrophone48k);
    }

    private static CallAudio.Files files(Path play, Path record) {
        return new CallAudio.Files(Optional.of(play), Optional.of(record));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BaresipCodec.class)
    void parleyCallsBaresipSpeechTravelsBothWaysAndParleysHangUpEndsItThere(BaresipCodec codec) throws Exception {
        startBoth(codec);
        Path atAlice = dir.resolve("at-alice.wav");

        String callId = alice.core.call(null, carol.aor(), files(aliceSays, atAlice)).join();
        carol.awaitLine("Incoming call");
        carol.accept();
        alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(callId) && e.state() == CallState.ACTIVE);
        CallStats stats = awaitSpeechBothWays(callId);
        alice.core.hangUp(callId);

        alice.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(callId) && e.end() instanceof CallEnd.HungUp);
        carol.awaitLine("session closed");
        assertSpeech(codec, "Parley calls baresip", atAlice, stats);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BaresipCodec.class)
    void baresipCallsParleySpeechTravelsBothWaysAndBaresipsHangUpEndsItHere(BaresipCodec codec) throws Exception {
        startBoth(codec);
        Path atAlice = dir.resolve("at-alice.wav");

        carol.dial(alice.aor);
        ParleyEvent.CallIncoming ringing = alice.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
        assertThat(ringing.from()).isEqualTo(carol.aor());
        alice.core.answer(ringing.callId(), files(aliceSays, atAlice)).join();
        carol.awaitLine("Call established");
        CallStats stats = awaitSpeechBothWays(ringing.callId());
        carol.hangup();

        alice.awaitEvent(ParleyEvent.CallEnded.class,
                e -> e.callId().equals(ringing.callId()) && e.end() instanceof CallEnd.RemoteHungUp);
        carol.awaitLine("terminated");
        assertSpeech(codec, "baresip calls Parley", atAlice, stats);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BaresipCodec.class)
    void keyPressesTravelBothWaysAsTelephoneEvents(BaresipCodec codec) throws Exception {
        startBoth(codec);
        String callId = alice.core.call(null, carol.aor(),
                new CallAudio.Files(Optional.empty(), Optional.empty())).join();
        carol.awaitLine("Incoming call");
        carol.accept();
        alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(callId) && e.state() == CallState.ACTIVE);
        carol.awaitLine("Call established");

        carol.sendDigits("1#5*");
        await().atMost(TestUser.WAIT).until(() -> digitsAtAlice(callId), "1#5*"::equals);
        assertThat(alice.core.sendDtmf(callId, "907D").join()).as("baresip takes telephone-events").isTrue();
        await().atMost(TestUser.WAIT).until(carol::receivedDigits, "907D"::equals);
        alice.core.hangUp(callId);
        carol.awaitLine("session closed");
    }

    private String digitsAtAlice(String callId) {
        StringBuilder digits = new StringBuilder();
        alice.eventsOf(ParleyEvent.DtmfReceived.class).stream().filter(e -> e.callId().equals(callId))
                .forEach(e -> digits.append(e.digit()));
        return digits.toString();
    }

    /** Until each side has received the other's whole sentence, plus half a second; Parley's figures then. */
    private CallStats awaitSpeechBothWays(String callId) throws Exception {
        long toAlice = samples(carolSays) / 960 + 25;
        Duration toCarol = Duration.ofMillis(samples(aliceSays) / 48 + 500);
        await().atMost(Duration.ofSeconds(20)).until(() -> carol.received().compareTo(toCarol) >= 0
                && alice.core.callStats(callId).join().map(s -> s.packetsReceived() >= toAlice).orElse(false));
        return alice.core.callStats(callId).join().orElseThrow();
    }

    private static long samples(Path wav) throws Exception {
        return TestSignals.readRaw(wav).length;
    }

    /**
     * G.711: each way against what the codec alone makes of the sentence, pass mark 0.95. Opus: baresip's libopus
     * encoder runs with its own settings, so what Parley received is compared with the sentence itself; floor 0.9.
     */
    private void assertSpeech(BaresipCodec codec, String call, Path atAlice, CallStats atAliceStats) throws Exception {
        Codec parleyCodec = Codecs.standard().inPreferenceOrder().stream()
                .filter(c -> c.encodingName().equalsIgnoreCase(codec.parleyName())).findFirst().orElseThrow();
        short[] toCarolReference = CodecReference.through(parleyCodec, TestSignals.readRaw(aliceSays));
        short[] toAliceReference = codec == BaresipCodec.PCMU
                ? CodecReference.through(parleyCodec, TestSignals.readRaw(carolSays))
                : TestSignals.readRaw(carolSays);
        AudioCompare.Result toCarol = compare(toCarolReference, carol.receivedAudioAt48k(dir.resolve("at-carol.wav")));
        AudioCompare.Result toAlice = compare(toAliceReference, atAlice);
        LOG.info("{} with {}: Parley to baresip {}; baresip to Parley {}; at Parley {}", call, codec, toCarol, toAlice,
                atAliceStats);
        double passMark = codec == BaresipCodec.PCMU ? 0.95 : 0.9;
        assertThat(toCarol.correlation()).as("Parley to baresip: %s", toCarol).isGreaterThanOrEqualTo(passMark);
        assertThat(toAlice.correlation()).as("baresip to Parley: %s", toAlice).isGreaterThanOrEqualTo(passMark);
    }

    /** Aligned in 100 ms segments: a jitter buffer skips or repeats whole frames as it adapts. */
    private static AudioCompare.Result compare(short[] reference, Path recorded) throws Exception {
        return AudioCompare.compareBySegments(reference, TestSignals.readRaw(recorded), 4_800, 4_800);
    }
}
