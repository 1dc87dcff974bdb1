package org.parley.media.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.media.testsupport.TestSignals;

/**
 * Two different spoken sentences as 48 kHz mono WAV files in the telephone band (espeak-ng, then
 * sox down to 8 kHz and back up), made once per test JVM under {@code target/}. The band limit makes
 * the reference what G.711 can carry at all, so a comparison measures the pipeline, not the codec's
 * bandwidth (a full-band "s" loses 80 % of its energy in G.711 by design). Test support.
 */
final class Speech {
    private static final Path DIR = Path.of("target", "speech");

    private Speech() {}

    static synchronized Path alice() throws IOException {
        return make("alice", "The quick brown fox jumps over the lazy dog, twice before breakfast.");
    }

    static synchronized Path bob() throws IOException {
        return make("bob", "Seven silver spoons were found beneath the old wooden table.");
    }

    private static Path make(String name, String text) throws IOException {
        Path out = DIR.resolve(name + "-48k.wav");
        if (!Files.exists(out)) {
            Files.createDirectories(DIR);
            Path raw = TestSignals.speech(DIR.resolve(name + ".wav"), text);
            Path narrow = TestSignals.soxResample(raw, DIR.resolve(name + "-8k.wav"), 8_000);
            TestSignals.soxResample(narrow, out, 48_000);
        }
        return out;
    }
}
