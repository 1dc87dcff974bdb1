package org.parley.media.stream;

import org.parley.media.testsupport.CodecReference;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.parley.media.audio.WavFileSink;
import org.parley.media.audio.WavFileSource;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.TestSignals;

/**
 * Runs one two-way call between two started streams: Alice's sentence from A, Bob's from B, each
 * side recording what it plays; waits until both sentences were sent and 800 ms more were played,
 * closes both streams and compares each recording with what the sending codec alone makes of the
 * sentence, segment by segment (the jitter buffer's adaptation shifts later audio by whole frames).
 * Test support.
 */
final class Conversation {
    private static final int TAIL_FRAMES = 40;

    /**
     * @param atB what B played against what A's codec alone makes of Alice's sentence
     * @param atA what A played against what B's codec alone makes of Bob's sentence
     * @param atBVersusOriginal what B played against Alice's sentence itself
     */
    record Outcome(AudioCompare.Result atB, AudioCompare.Result atA, AudioCompare.Result atBVersusOriginal,
            StreamQuality qualityAtA, StreamQuality qualityAtB, short[] recordedAtB) {}

    /** 100 ms segments, each re-aligned within ±100 ms (the jitter buffer moves by whole frames). */
    private static final int SEGMENT = 4_800;
    private static final int MAX_SHIFT = 4_800;

    private Conversation() {}

    static AudioCompare.Result compare(short[] reference, short[] recorded) {
        return AudioCompare.compareBySegments(reference, recorded, SEGMENT, MAX_SHIFT);
    }

    static Outcome run(Path work, AudioStream a, StreamConfig toB, AudioStream b, StreamConfig toA)
            throws IOException {
        EndAwareSource fromA = new EndAwareSource(WavFileSource.open(Speech.alice(), WavFileSource.Options.ONCE));
        EndAwareSource fromB = new EndAwareSource(WavFileSource.open(Speech.bob(), WavFileSource.Options.ONCE));
        Path atA = work.resolve("at-a.wav");
        Path atB = work.resolve("at-b.wav");
        MeteredSink sinkA = new MeteredSink(WavFileSink.create(atA));
        MeteredSink sinkB = new MeteredSink(WavFileSink.create(atB));
        a.start(toB, fromA, sinkA, new RecordingStreamListener());
        b.start(toA, fromB, sinkB, new RecordingStreamListener());
        await().atMost(Duration.ofSeconds(30)).until(() -> fromA.ended() && fromB.ended());
        long playedA = sinkA.frames();
        long playedB = sinkB.frames();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sinkA.frames() >= playedA + TAIL_FRAMES && sinkB.frames() >= playedB + TAIL_FRAMES);
        StreamQuality qa = a.quality();
        StreamQuality qb = b.quality();
        a.close();
        b.close();
        short[] recordedAtB = TestSignals.readRaw(atB);
        short[] alice = TestSignals.readRaw(Speech.alice());
        short[] bob = TestSignals.readRaw(Speech.bob());
        return new Outcome(
                compare(CodecReference.through(toB.sendCodec(), alice), recordedAtB),
                compare(CodecReference.through(toA.sendCodec(), bob), TestSignals.readRaw(atA)),
                compare(alice, recordedAtB), qa, qb, recordedAtB);
    }
}
