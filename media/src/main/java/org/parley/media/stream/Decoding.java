package org.parley.media.stream;

import org.parley.media.audio.Pcm;
import org.parley.media.codec.Codec;
import org.parley.media.codec.Resampler;
import org.parley.media.jitter.JitterBuffer;

/**
 * The receive chain of one codec we accept: its jitter buffer (which owns the decoder) and the
 * resampler from the codec's rate to 48 kHz. Created by {@link AudioStream#update} on the caller's
 * thread and published through a volatile {@link ReceivePlan}; from then on the network thread
 * offers to the buffer and the playout thread alone polls it and uses the resampler and frame.
 */
final class Decoding {
    final Codec codec;
    final JitterBuffer buffer;
    final Resampler resampler;
    final short[] codecFrame;

    Decoding(Codec codec) {
        this.codec = codec;
        this.buffer = new JitterBuffer(codec);
        this.resampler = Resampler.between(codec.sampleRate(), Pcm.SAMPLE_RATE);
        this.codecFrame = new short[codec.samplesPerFrame()];
    }

    /** Plays the next 20 ms into {@code frame} (48 kHz). Playout thread only; no allocation. */
    void playInto(short[] frame) {
        buffer.poll(codecFrame);
        int n = resampler.process(codecFrame, 0, codecFrame.length, frame, 0);
        for (int i = Math.max(0, n); i < frame.length; i++) {
            frame[i] = 0;
        }
    }
}
