package org.parley.media.codec;

/** ITU-T G.711 at 8 kHz: µ-law as PCMU (payload type 0) and A-law as PCMA (payload type 8). */
public final class G711Codec implements Codec {
  public static final G711Codec PCMU = new G711Codec("PCMU", 0, true);
  public static final G711Codec PCMA = new G711Codec("PCMA", 8, false);

  private final String name;
  private final int payloadType;
  private final boolean muLaw;

  private G711Codec(String name, int payloadType, boolean muLaw) {
    this.name = name;
    this.payloadType = payloadType;
    this.muLaw = muLaw;
  }

  @Override
  public String encodingName() {
    return name;
  }

  @Override
  public int clockRate() {
    return 8000;
  }

  @Override
  public int sampleRate() {
    return 8000;
  }

  @Override
  public int rtpChannels() {
    return 1;
  }

  @Override
  public int staticPayloadType() {
    return payloadType;
  }

  @Override
  public String fmtp() {
    return "";
  }

  @Override
  public AudioEncoder newEncoder() {
    return new G711Encoder(muLaw, samplesPerFrame());
  }

  @Override
  public AudioDecoder newDecoder() {
    return new G711Decoder(muLaw, sampleRate());
  }

  @Override
  public String toString() {
    return name + "/8000";
  }
}
