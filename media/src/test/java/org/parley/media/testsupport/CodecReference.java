package org.parley.media.testsupport;

import org.parley.media.audio.Pcm;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.Codec;
import org.parley.media.codec.Resampler;

/**
 * What a codec alone makes of a signal: resampled, encoded, decoded and resampled back frame by
 * frame, with no network in between. A stream's output is compared with this to tell what the
 * pipeline adds from what the codec takes away (Opus at 28 kbit/s keeps a waveform correlation of
 * only about 0.93 with speech, by design). Test support.
 */
public final class CodecReference {
    private CodecReference() {}

    public static short[] through(Codec codec, short[] pcm48k) {
        AudioEncoder encoder = codec.newEncoder();
        AudioDecoder decoder = codec.newDecoder();
        Resampler down = Resampler.between(Pcm.SAMPLE_RATE, codec.sampleRate());
        Resampler up = Resampler.between(codec.sampleRate(), Pcm.SAMPLE_RATE);
        int frames = (pcm48k.length + Pcm.FRAME_SAMPLES - 1) / Pcm.FRAME_SAMPLES;
        short[] in = new short[frames * Pcm.FRAME_SAMPLES];
        System.arraycopy(pcm48k, 0, in, 0, pcm48k.length);
        short[] out = new short[in.length];
        short[] codecIn = new short[codec.samplesPerFrame()];
        short[] codecOut = new short[codec.samplesPerFrame()];
        byte[] packet = new byte[1500];
        for (int i = 0; i < in.length; i += Pcm.FRAME_SAMPLES) {
            down.process(in, i, Pcm.FRAME_SAMPLES, codecIn, 0);
            int length = encoder.encode(codecIn, packet, 0);
            decoder.decode(packet, 0, length, codecOut);
            up.process(codecOut, 0, codecOut.length, out, i);
        }
        return out;
    }
}
