package org.parley.media.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.media.audio.AudioSource;
import org.parley.media.audio.Pcm;
import org.parley.media.audio.WavFileSource;
import org.parley.media.testsupport.TestSignals;

/** A looping 440 Hz tone source that never ends: audio that is clearly there or not. Test support. */
final class ToneFile {
    private static final Path FILE = Path.of("target", "speech", "tone-440.wav");

    private ToneFile() {}

    static synchronized AudioSource open() throws IOException {
        if (!Files.exists(FILE)) {
            Files.createDirectories(FILE.getParent());
            TestSignals.writeWav(FILE, TestSignals.tone(440, 1.0, 0.3, Pcm.SAMPLE_RATE), Pcm.SAMPLE_RATE);
        }
        return WavFileSource.open(FILE, new WavFileSource.Options(true, false));
    }
}
