package org.parley.media.codec;

/**
 * An audio codec Parley can offer in SDP, registered in {@link Codecs}. Immutable and shared; each
 * stream direction takes its own encoder or decoder.
 */
public interface Codec {

  /** The SDP encoding name as in {@code a=rtpmap}, e.g. "PCMU", "opus", "G722". */
  String encodingName();

  /** The RTP clock rate written in {@code a=rtpmap} (8000 for G.722, as RFC 3551 says). */
  int clockRate();

  /** The PCM sample rate the encoder takes and the decoder gives. */
  int sampleRate();

  /** Channels written in {@code a=rtpmap} (2 for opus, as RFC 7587 says), 1 otherwise. */
  int rtpChannels();

  /** The static RTP payload type, or -1 when it needs a dynamic one. */
  int staticPayloadType();

  /** The {@code a=fmtp} parameters Parley offers, or "" for none. */
  String fmtp();

  /** RTP timestamp units per 20 ms frame. */
  default int timestampsPerFrame() {
    return clockRate() / 50;
  }

  /** PCM samples per 20 ms frame at {@link #sampleRate()}. */
  default int samplesPerFrame() {
    return sampleRate() / 50;
  }

  AudioEncoder newEncoder();

  AudioDecoder newDecoder();
}
