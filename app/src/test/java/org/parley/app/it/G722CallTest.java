package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.parley.app.call.CallStats;
import org.parley.app.core.CoreOptions;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.baresip.BaresipAccount;
import org.parley.app.testsupport.baresip.BaresipCodec;
import org.parley.app.testsupport.baresip.BaresipPeer;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.G722Codec;
import org.parley.media.codec.Resampler;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.CodecReference;
import org.parley.media.testsupport.TestSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * G.722 calls through Kamailio with WAV files as devices: Parley with baresip 1.0 (whose {@code g722} module is
 * spandsp's codec), both limited to G.722, and Parley with Parley. Speech goes both ways and is compared with
 * what the codec alone makes of it and with the sentence itself. Against baresip it also checks the bit stream:
 * baresip dumps what its encoder was fed, so Parley's own encoder and decoder run on that dump must give what
 * Parley played, up to the jitter buffer's frame shifts — an encoder or decoder that is not bit-exact with
 * spandsp's gives only the codec's ordinary ~25 dB there.
 */
class G722CallTest {
    private static final Logger LOG = LoggerFactory.getLogger(G722CallTest.class);
    /** baresip hangs up when its microphone file ends: its file is padded with silence to this length. */
    private static final int MICROPHONE_SECONDS = 20;

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    static Path speech;
    @TempDir
    Path dir;
    private TestUser alice;
    private TestUser bob;
    private BaresipPeer carol;

    private static Path aliceSays;
    private static Path otherSays;
    private static Path carolMicrophone;

    @BeforeAll
    static void speak() throws Exception {
        aliceSays = wideBand("a", "Hello Carol, this is Alice calling from Parley in wideband about the numbers.");
        otherSays = wideBand("c", "Hi Alice, the seven silver spoons and the fish sauce arrived on Thursday.");
        short[] padded = Arrays.copyOf(TestSignals.readRaw(otherSays), MICROPHONE_SECONDS * 48_000);
        carolMicrophone = TestSignals.writeWav(speech.resolve("mic-48k.wav"), padded, 48_000);
    }

    /** Spoken {@code text} at 48 kHz, limited to what G.722 carries (through 16 kHz and back). */
    private static Path wideBand(String name, String text) throws Exception {
        Path raw = TestSignals.speech(speech.resolve(name + ".wav"), text);
        Path wide = TestSignals.soxResample(raw, speech.resolve(name + "-16k.wav"), 16_000);
        return TestSignals.soxResample(wide, speech.resolve(name + "-48k.wav"), 48_000);
    }

    @AfterEach
    void close() {
        if (carol != null) {
            carol.close(); // before Kamailio stops: it un-registers
        }
        for (TestUser u : new TestUser[] {alice, bob}) {
            if (u != null) {
                u.close();
            }
        }
    }

    private static CoreOptions g722Only() {
        return TestUser.fastOptions().withCodecs(List.of("G722"));
    }

    private static CallAudio.Files files(Path play, Path record) {
        return new CallAudio.Files(Optional.of(play), Optional.of(record));
    }

    @Test
    void parleyAndBaresipTalkG722BothWaysWithTheSameBitStream() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP, g722Only()).startAndAwaitRegistered();
        carol = BaresipPeer.start(new BaresipAccount("carol", "carolpw", kamailio.domain(), kamailio.host(),
                kamailio.udpPort()), BaresipCodec.G722, carolMicrophone);
        Path atAlice = dir.resolve("at-alice.wav");

        String callId = alice.core.call(null, carol.aor(), files(aliceSays, atAlice)).join();
        carol.awaitLine("Incoming call");
        carol.accept();
        alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(callId) && e.state() == CallState.ACTIVE);
        long toAlice = samples(otherSays) / 960 + 25;
        Duration toCarol = Duration.ofMillis(samples(aliceSays) / 48 + 500);
        await().atMost(Duration.ofSeconds(20)).until(() -> carol.received().compareTo(toCarol) >= 0
                && alice.core.callStats(callId).join().map(s -> s.packetsReceived() >= toAlice).orElse(false));
        CallStats stats = alice.core.callStats(callId).join().orElseThrow();
        alice.core.hangUp(callId);
        alice.awaitEvent(ParleyEvent.CallEnded.class, e -> e.callId().equals(callId) && e.end() instanceof CallEnd.HungUp);
        carol.awaitLine("session closed");

        assertThat(stats.codec()).isEqualTo("G722/8000");
        await().until(() -> Files.exists(atAlice));
        short[] atCarol = TestSignals.readRaw(carol.receivedAudioAt48k(dir.resolve("at-carol.wav")));
        short[] played = TestSignals.readRaw(atAlice);
        AudioCompare.Result toCarolCodec = compare(CodecReference.through(G722Codec.INSTANCE, read(aliceSays)), atCarol);
        AudioCompare.Result toCarolOriginal = compare(read(aliceSays), atCarol);
        // baresip resamples with its own filter before encoding: the codec reference is its encoder's input, coded
        short[] carolCoded = upTo48k(parleyCodec(read(dump(carol, "-enc.wav"))));
        AudioCompare.Result toAliceCodec = compare(carolCoded, played);
        AudioCompare.Result toAliceOriginal = compare(read(otherSays), played);
        double sameToAlice = identicalShare(960, carolCoded, played);
        double sameToCarol = identicalShare(320, parleyCodec(downTo16k(read(aliceSays))), read(dump(carol, "-dec.wav")));
        LOG.info("G.722 with baresip: Parley to baresip: codec reference {}; original {}; segments identical to"
                + " Parley's own decoding {}. baresip to Parley: codec reference {}; original {}; segments identical to"
                + " Parley's own coding of baresip's encoder input {}. At Parley {}", toCarolCodec, toCarolOriginal,
                sameToCarol, toAliceCodec, toAliceOriginal, sameToAlice, stats);
        assertThat(toCarolCodec.correlation()).as("Parley to baresip: %s", toCarolCodec).isGreaterThanOrEqualTo(0.95);
        assertThat(toCarolOriginal.correlation()).as("Parley to baresip: %s", toCarolOriginal)
                .isGreaterThanOrEqualTo(0.9);
        assertThat(toAliceCodec.correlation()).as("baresip to Parley: %s", toAliceCodec).isGreaterThanOrEqualTo(0.95);
        assertThat(toAliceOriginal.correlation()).as("baresip to Parley: %s", toAliceOriginal)
                .isGreaterThanOrEqualTo(0.9);
        assertThat(sameToCarol).as("spandsp decodes Parley's bit stream as Parley does").isGreaterThanOrEqualTo(0.8);
        assertThat(sameToAlice).as("spandsp encodes as Parley does").isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void twoParleysTalkG722ThroughKamailio() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP, g722Only()).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.TCP, g722Only()).startAndAwaitRegistered();
        Path atBob = dir.resolve("at-bob.wav");
        Path atAlice = dir.resolve("at-alice.wav");

        String callId = alice.core.call(null, bob.aor, files(aliceSays, atAlice)).join();
        ParleyEvent.CallIncoming ringing = bob.awaitEvent(ParleyEvent.CallIncoming.class, e -> true);
        bob.core.answer(ringing.callId(), files(otherSays, atBob)).join();
        alice.awaitEvent(ParleyEvent.CallStateChanged.class,
                e -> e.callId().equals(callId) && e.state() == CallState.ACTIVE);
        long needed = Math.max(samples(aliceSays), samples(otherSays)) / 960 + 25;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                alice.core.callStats(callId).join().map(s -> s.packetsReceived() >= needed).orElse(false)
                        && bob.core.callStats(ringing.callId()).join().map(s -> s.packetsReceived() >= needed)
                        .orElse(false));
        CallStats atBobStats = bob.core.callStats(ringing.callId()).join().orElseThrow();
        alice.core.hangUp(callId);
        bob.awaitEvent(ParleyEvent.CallEnded.class, e -> e.end() instanceof CallEnd.RemoteHungUp);

        assertThat(atBobStats.codec()).isEqualTo("G722/8000");
        await().until(() -> Files.exists(atBob) && Files.exists(atAlice));
        AudioCompare.Result toBob =
                compare(CodecReference.through(G722Codec.INSTANCE, read(aliceSays)), TestSignals.readRaw(atBob));
        AudioCompare.Result toAlice =
                compare(CodecReference.through(G722Codec.INSTANCE, read(otherSays)), TestSignals.readRaw(atAlice));
        LOG.info("G.722 Parley to Parley: to Bob {}; to Alice {}; at Bob {}", toBob, toAlice, atBobStats);
        assertThat(toBob.correlation()).as("Alice to Bob: %s", toBob).isGreaterThanOrEqualTo(0.95);
        assertThat(toAlice.correlation()).as("Bob to Alice: %s", toAlice).isGreaterThanOrEqualTo(0.95);
    }

    /** G.722 encoding then decoding of 16 kHz audio by Parley's codec, frame by frame from the first sample. */
    private static short[] parleyCodec(short[] pcm16k) {
        AudioEncoder encoder = G722Codec.INSTANCE.newEncoder();
        AudioDecoder decoder = G722Codec.INSTANCE.newDecoder();
        short[] out = new short[pcm16k.length / 320 * 320];
        short[] frame = new short[320];
        byte[] packet = new byte[160];
        for (int at = 0; at < out.length; at += 320) {
            System.arraycopy(pcm16k, at, frame, 0, 320);
            decoder.decode(packet, 0, encoder.encode(frame, packet, 0), frame);
            System.arraycopy(frame, 0, out, at, 320);
        }
        return out;
    }

    /** 48 kHz to 16 kHz as Parley's send path does it, 20 ms at a time from the first sample. */
    private static short[] downTo16k(short[] pcm48k) {
        return resample(pcm48k, 48_000, 16_000, 960);
    }

    /** 16 kHz to 48 kHz as Parley's playout does it. */
    private static short[] upTo48k(short[] pcm16k) {
        return resample(pcm16k, 16_000, 48_000, 320);
    }

    private static short[] resample(short[] in, int from, int to, int frame) {
        Resampler resampler = Resampler.between(from, to);
        int frames = in.length / frame;
        int outFrame = frame * to / from;
        short[] out = new short[frames * outFrame];
        for (int f = 0; f < frames; f++) {
            resampler.process(in, f * frame, frame, out, f * outFrame);
        }
        return out;
    }

    /**
     * The share of the reference's 100 ms segments with speech in them (after its first half second, while a
     * decoder that missed the stream's first packets converges) that {@code recorded} holds sample for sample
     * (residual 60 dB below the signal), at the overall lag or whole 20 ms frames from it (a jitter buffer skips
     * or repeats whole frames). An ordinary, not bit-exact, G.722 codec reaches about 25 dB there: share 0.
     */
    private static double identicalShare(int frame, short[] reference, short[] recorded) {
        int lag = AudioCompare.compare(reference, recorded).lagSamples();
        int segment = 5 * frame;
        int segments = 0;
        int identical = 0;
        for (int start = 25 * frame; start + segment <= reference.length; start += segment) {
            double signal = 0;
            for (int i = start; i < start + segment; i++) {
                signal += (double) reference[i] * reference[i];
            }
            if (signal / segment < 100 * 100) {
                continue; // pause: too quiet to tell
            }
            segments++;
            double bestNoise = Double.MAX_VALUE;
            for (int shift = -3; shift <= 3; shift++) {
                int at = start + lag + shift * frame;
                if (at < 0 || at + segment > recorded.length) {
                    continue;
                }
                double noise = 0;
                for (int i = 0; i < segment; i++) {
                    double d = recorded[at + i] - reference[start + i];
                    noise += d * d;
                }
                bestNoise = Math.min(bestNoise, noise);
            }
            if (bestNoise < signal * 1e-6) {
                identical++;
            }
        }
        return segments == 0 ? 0 : (double) identical / segments;
    }

    /**
     * baresip's dump of one finished call at 16 kHz, as it is: {@code -enc.wav} what its encoder was fed,
     * {@code -dec.wav} what its decoder gave.
     */
    private Path dump(BaresipPeer peer, String suffix) throws Exception {
        peer.sentAudioAt48k(dir.resolve("carol-sent-48k.wav")); // waits until the dumps are complete
        try (var files = Files.list(peer.dir().resolve("rec"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).max(Path::compareTo).orElseThrow();
        }
    }

    private static short[] read(Path wav) throws Exception {
        return TestSignals.readRaw(wav);
    }

    private static long samples(Path wav) throws Exception {
        return TestSignals.readRaw(wav).length;
    }

    /** Aligned in 100 ms segments: a jitter buffer skips or repeats whole frames as it adapts. */
    private static AudioCompare.Result compare(short[] reference, short[] recorded) {
        return AudioCompare.compareBySegments(reference, recorded, 4_800, 4_800);
    }
}
