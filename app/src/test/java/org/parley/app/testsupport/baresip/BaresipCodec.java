package org.parley.app.testsupport.baresip;

/**
 * The audio codecs a {@link BaresipPeer} may be limited to, with the format baresip runs its audio filters at for
 * each: the {@code sndfile} dumps come at {@link #rate()} with {@link #channels()} channels (Opus is always
 * stereo inside baresip 1.0, whatever is negotiated).
 */
public enum BaresipCodec {
    PCMU("PCMU/8000/1", "PCMU", 8_000, 1),
    /** baresip names G.722 by its audio rate (16 kHz), SDP by its RTP clock (8000). */
    G722("G722/16000/1", "G722", 16_000, 1),
    OPUS("opus/48000/2", "opus", 48_000, 2);

    private final String baresipName;
    private final String parleyName;
    private final int rate;
    private final int channels;

    BaresipCodec(String baresipName, String parleyName, int rate, int channels) {
        this.baresipName = baresipName;
        this.parleyName = parleyName;
        this.rate = rate;
        this.channels = channels;
    }

    /** As in baresip's {@code audio_codecs} account parameter. */
    public String baresipName() {
        return baresipName;
    }

    /** As in Parley's {@code CoreOptions.withCodecs} and {@code Codec.encodingName()}. */
    public String parleyName() {
        return parleyName;
    }

    /** The sample rate of baresip's audio pipeline (and of its dumps) with this codec. */
    public int rate() {
        return rate;
    }

    /** The channel count of baresip's audio pipeline (and of its dumps) with this codec. */
    public int channels() {
        return channels;
    }
}
