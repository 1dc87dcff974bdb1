package org.parley.media.codec;

/**
 * ITU-T G.722 at 64 kbit/s (mode 1): sub-band ADPCM of 16 kHz audio, pure Java. Over RTP as RFC 3551
 * §4.5.2 has it: static payload type 9, {@code a=rtpmap:9 G722/8000} although it samples at 16 kHz,
 * so the RTP timestamp advances 8000 per second (160 per 20 ms frame of 320 samples, 160 octets).
 */
public final class G722Codec implements Codec {
  public static final G722Codec INSTANCE = new G722Codec();

  private G722Codec() {}

  @Override
  public String encodingName() {
    return "G722";
  }

  @Override
  public int clockRate() {
    return 8000;
  }

  @Override
  public int sampleRate() {
    return 16_000;
  }

  @Override
  public int rtpChannels() {
    return 1;
  }

  @Override
  public int staticPayloadType() {
    return 9;
  }

  @Override
  public String fmtp() {
    return "";
  }

  @Override
  public AudioEncoder newEncoder() {
    return new G722Encoder(samplesPerFrame());
  }

  @Override
  public AudioDecoder newDecoder() {
    return new G722Decoder(sampleRate());
  }

  @Override
  public String toString() {
    return "G722/8000";
  }
}
