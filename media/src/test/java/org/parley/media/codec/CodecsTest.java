package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecsTest {

  @Test
  void theStandardRegistryPrefersOpusThenG722ThenPcmuThenPcma() {
    assertThat(Codecs.standard().inPreferenceOrder())
        .containsExactly(OpusCodec.INSTANCE, G722Codec.INSTANCE, G711Codec.PCMU, G711Codec.PCMA);
  }

  @Test
  void preferenceDoesNotDependOnRegistrationOrder() {
    Codecs codecs = new Codecs();
    codecs.register(G711Codec.PCMA);
    codecs.register(G711Codec.PCMU);
    codecs.register(OpusCodec.INSTANCE);
    assertThat(codecs.inPreferenceOrder())
        .containsExactly(OpusCodec.INSTANCE, G711Codec.PCMU, G711Codec.PCMA);
  }

  @Test
  void findsByEncodingNameInAnyCaseAndClockRate() {
    Codecs codecs = Codecs.standard();
    assertThat(codecs.find("OPUS", 48000)).contains(OpusCodec.INSTANCE);
    assertThat(codecs.find("pcmu", 8000)).contains(G711Codec.PCMU);
    assertThat(codecs.find("PCMU", 16000)).isEmpty();
    assertThat(codecs.find("G729", 8000)).isEmpty();
  }

  @Test
  void findsByStaticPayloadType() {
    Codecs codecs = Codecs.standard();
    assertThat(codecs.findByStaticPayloadType(0)).contains(G711Codec.PCMU);
    assertThat(codecs.findByStaticPayloadType(8)).contains(G711Codec.PCMA);
    assertThat(codecs.findByStaticPayloadType(-1)).isEmpty();
    assertThat(codecs.findByStaticPayloadType(18)).isEmpty();
  }

  @Test
  void registeringTheSameFormatAgainReplacesIt() {
    Codecs codecs = Codecs.standard();
    codecs.register(G711Codec.PCMU);
    assertThat(codecs.inPreferenceOrder()).hasSize(4);
  }
}
