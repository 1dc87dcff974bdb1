package org.parley.media.stream;

import java.io.IOException;
import org.parley.media.audio.AudioSource;

/** Wraps a finite source and tells when it has ended. Test support. */
final class EndAwareSource implements AudioSource {
    private final AudioSource source;
    private volatile boolean ended;

    EndAwareSource(AudioSource source) {
        this.source = source;
    }

    boolean ended() {
        return ended;
    }

    @Override
    public boolean read(short[] frame) throws IOException {
        boolean more = source.read(frame);
        if (!more) {
            ended = true;
        }
        return more;
    }

    @Override
    public double level() {
        return source.level();
    }

    @Override
    public void close() {
        source.close();
    }
}
