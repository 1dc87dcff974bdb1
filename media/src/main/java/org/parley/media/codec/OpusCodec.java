package org.parley.media.codec;

/**
 * Opus (RFC 6716) over RTP as RFC 7587 describes it: {@code opus/48000/2} with a dynamic payload
 * type, whatever the channel count actually sent. Parley sends mono 20 ms frames with in-band FEC
 * and decodes mono at 48 kHz. Encoding and decoding use Concentus, a pure-Java port of libopus.
 */
public final class OpusCodec implements Codec {
  public static final OpusCodec INSTANCE = new OpusCodec();

  /** Target bit rate of the encoder, in bit/s. */
  static final int BITRATE = 28_000;
  /** The encoder's complexity, 0–10; 5 costs about half of 10 for little audible difference. */
  static final int COMPLEXITY = 5;
  /** The packet loss the encoder plans its in-band FEC for, in percent. */
  static final int EXPECTED_LOSS_PERCENT = 10;

  private OpusCodec() {}

  @Override
  public String encodingName() {
    return "opus";
  }

  @Override
  public int clockRate() {
    return 48_000;
  }

  @Override
  public int sampleRate() {
    return 48_000;
  }

  @Override
  public int rtpChannels() {
    return 2;
  }

  @Override
  public int staticPayloadType() {
    return -1;
  }

  @Override
  public String fmtp() {
    return "minptime=10;useinbandfec=1";
  }

  @Override
  public AudioEncoder newEncoder() {
    return new ConcentusOpusEncoder(sampleRate(), samplesPerFrame());
  }

  @Override
  public AudioDecoder newDecoder() {
    return new ConcentusOpusDecoder(sampleRate(), samplesPerFrame());
  }

  @Override
  public String toString() {
    return "opus/48000/2";
  }
}
