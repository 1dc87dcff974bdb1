package org.parley.media.stream;

import org.parley.media.audio.AudioSource;
import org.parley.media.audio.Pcm;

/**
 * An endless 400 Hz tone at -10 dBFS, returned at once (the stream paces it): audio that is clearly
 * there or not, with no allocation and no file. Test support.
 */
final class ToneSource implements AudioSource {
    private static final short[] PERIOD = new short[Pcm.SAMPLE_RATE / 400];

    static {
        for (int i = 0; i < PERIOD.length; i++) {
            PERIOD[i] = (short) Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * i / PERIOD.length));
        }
    }

    /** One frame of the tone, {@code samples} long (any rate: the pitch just differs). */
    static short[] frameAt(int samples) {
        short[] frame = new short[samples];
        new ToneSource().read(frame);
        return frame;
    }

    private int position;
    private volatile boolean closed;

    @Override
    public boolean read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = PERIOD[position];
            position = (position + 1) % PERIOD.length;
        }
        return !closed;
    }

    @Override
    public double level() {
        return closed ? 0 : 0.3;
    }

    @Override
    public void close() {
        closed = true;
    }
}
