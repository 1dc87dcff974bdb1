package org.parley.media.stream;

import org.parley.media.audio.Pcm;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.Codec;
import org.parley.media.codec.Resampler;
import org.parley.media.dtmf.DtmfSender;

/**
 * The send chain of one codec: resampler from 48 kHz, encoder, DTMF sender at the codec's clock.
 * Built on the caller's thread by {@link AudioStream#start}/{@link AudioStream#update} when the
 * codec changes, and warmed there (one silent frame encoded by a throw-away encoder of the same codec,
 * so the live encoder starts from a clean state) so that loading and initialising the codec never stalls
 * the sender thread; published through a volatile {@link SendPlan}, after which
 * only the sender thread uses it.
 */
final class Encoding {
    private static final int DTMF_VOLUME = 10;

    final Codec codec;
    final AudioEncoder encoder;
    final Resampler resampler;
    final DtmfSender dtmf;

    Encoding(Codec codec) {
        this.codec = codec;
        this.encoder = codec.newEncoder();
        this.resampler = Resampler.between(Pcm.SAMPLE_RATE, codec.sampleRate());
        this.dtmf = new DtmfSender(codec.clockRate(), Pcm.FRAME_MILLIS, DTMF_VOLUME);
        short[] silence = new short[codec.samplesPerFrame()];
        codec.newEncoder().encode(silence, new byte[1500], 0);
    }
}
