package org.parley.media.stream;

import java.io.IOException;
import org.parley.media.audio.AudioSink;

/** Wraps a sink (or none), counting frames written and frames that were not silent. Test support. */
final class MeteredSink implements AudioSink {
    private final AudioSink sink;
    private volatile long frames;
    private volatile long audibleFrames;
    private volatile double level;
    private volatile long silentRun;

    MeteredSink(AudioSink sink) {
        this.sink = sink;
    }

    /** Counts only. */
    MeteredSink() {
        this(null);
    }

    long frames() {
        return frames;
    }

    long audibleFrames() {
        return audibleFrames;
    }

    /** Frames in a row, up to the last one written, that were silent. */
    long silentRun() {
        return silentRun;
    }

    @Override
    public void write(short[] frame) throws IOException {
        int peak = 0;
        for (short s : frame) {
            peak = Math.max(peak, Math.abs(s));
        }
        level = peak / 32767.0;
        if (peak > 100) {
            audibleFrames++;
            silentRun = 0;
        } else {
            silentRun++;
        }
        frames++;
        if (sink != null) {
            sink.write(frame);
        }
    }

    @Override
    public double level() {
        return level;
    }

    @Override
    public void close() {
        if (sink != null) {
            sink.close();
        }
    }
}
