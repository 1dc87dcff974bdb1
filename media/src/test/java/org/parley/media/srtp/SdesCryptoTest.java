package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdesCryptoTest {
  private static final String KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
  private static final String KEY2 = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

  @Test
  void readsTheRfc4568ExampleWithLifetimeAndMki() {
    SdesCrypto crypto = parsed("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4");

    assertThat(crypto.tag()).isEqualTo(1);
    assertThat(crypto.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
    assertThat(crypto.keys()).hasSize(1);
    SdesKeyParam key = crypto.keys().get(0);
    assertThat(key.masterKey().keySalt()).isEqualTo(Base64.getDecoder().decode(KEY));
    assertThat(key.lifetime()).hasValue(1L << 20);
    assertThat(key.masterKey().mki()).containsExactly(0, 0, 0, 1);
    assertThat(crypto.sessionParams()).isEmpty();
  }

  @Test
  void readsTheThirtyTwoBitSuiteWithAThirtyTwoByteMki() {
    SdesCrypto crypto = parsed(
        "1 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj|2^20|1:32");

    assertThat(crypto.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
    byte[] mki = crypto.keys().get(0).masterKey().mki();
    assertThat(mki).hasSize(32);
    assertThat(new BigInteger(1, mki)).isEqualTo(BigInteger.ONE);
  }

  @Test
  void readsAPlainKeyWithoutLifetimeOrMki() {
    SdesKeyParam key = parsed("7 AES_CM_128_HMAC_SHA1_80 inline:" + KEY).keys().get(0);

    assertThat(key.lifetime()).isEmpty();
    assertThat(key.masterKey().mki()).isEmpty();
  }

  @Test
  void readsADecimalLifetime() {
    SdesKeyParam key = parsed("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1000").keys().get(0);

    assertThat(key.lifetime()).hasValue(1000);
  }

  @Test
  void readsSeveralKeysToldApartByMki() {
    SdesCrypto crypto = parsed("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4;inline:"
        + KEY2 + "|2^20|2:4 FEC_ORDER=FEC_SRTP");

    assertThat(crypto.keys()).hasSize(2);
    assertThat(crypto.keys().get(1).masterKey().mki()).containsExactly(0, 0, 0, 2);
    assertThat(crypto.sessionParams()).containsExactly("FEC_ORDER=FEC_SRTP");
  }

  @Test
  void acceptsSeveralBlanksBetweenFields() {
    assertThat(parsed("1  AES_CM_128_HMAC_SHA1_80\tinline:" + KEY).tag()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY2 + "|2^20|1:32",
      "1 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj|2^20|1:32",
      "12 AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4;inline:" + KEY2 + "|2:4",
      "3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " FEC_ORDER=SRTP_FEC WSH=128 -X_PARLEY=1",
  })
  void formatsWhatItReadUnchanged(String value) {
    assertThat(parsed(value).format()).isEqualTo(value);
  }

  @Test
  void reportsAnUnknownSuiteAsUnsupportedWithItsTag() {
    SdesParseResult result = SdesCrypto.parse("2 F8_128_HMAC_SHA1_80 inline:MTIzNDU2Nzg5QUJDREUwMTIz"
        + "NDU2Nzg5QUJjZGVm|2^20|1:4;inline:QUJjZGVmMTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5|2^20|2:4"
        + " FEC_ORDER=FEC_SRTP");

    assertThat(result).isEqualTo(
        new SdesParseResult.Unsupported(2, "Crypto suite F8_128_HMAC_SHA1_80 is not supported."));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1 AEAD_AES_128_GCM inline:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "1 AES_CM_128_HMAC_SHA1_80 mikey:" + KEY,
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " KDR=10",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " UNENCRYPTED_SRTP",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " UNENCRYPTED_SRTCP",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " UNAUTHENTICATED_SRTP",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " FEC_KEY=inline:" + KEY2,
  })
  void reportsWhatParleyCannotHonourAsUnsupported(String value) {
    assertThat(SdesCrypto.parse(value)).isInstanceOf(SdesParseResult.Unsupported.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "1 AES_CM_128_HMAC_SHA1_80",
      " 1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " ",
      "x AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
      "1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
      "1 AES-CM AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
      "1 AES_CM_128_HMAC_SHA1_80 inline" + KEY,
      "1 AES_CM_128_HMAC_SHA1_80 inline:",
      "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubG==",
      "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVzAAAA",
      "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVub-Vz",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^49",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^999999999999",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|0",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|2^20",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4|2^20",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:0",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:129",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|256:1",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4|",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4|2:4|3:4",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + ";inline:" + KEY2,
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4;inline:" + KEY2 + "|1:4",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4;inline:" + KEY2 + "|2:2",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + ";",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " NEW_MANDATORY_THING",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " WSH=32",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " FEC_ORDER=LATER",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " KDR=25",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " KDR=x",
      "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " é",
  })
  void refusesMalformedValuesWithAReasonThatHidesTheKey(String value) {
    SdesParseResult result = SdesCrypto.parse(value);

    assertThat(result).isInstanceOf(SdesParseResult.Malformed.class);
    String reason = ((SdesParseResult.Malformed) result).reason();
    assertThat(reason).isNotBlank().endsWith(".").doesNotContain(KEY).doesNotContain(KEY2);
  }

  @Test
  void generatesAFreshKeyThatReadsBack() {
    SecureRandom random = new SecureRandom();
    SdesCrypto first = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, random);
    SdesCrypto second = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, random);

    assertThat(first.format()).matches("1 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/]{40}");
    assertThat(SdesCrypto.parse(first.format())).isEqualTo(new SdesParseResult.Parsed(first));
    assertThat(second.keys()).isNotEqualTo(first.keys());
  }

  @Test
  void toStringNeverShowsTheKey() {
    SdesCrypto crypto = parsed("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4");

    assertThat(crypto.toString()).doesNotContain(KEY).contains("AES_CM_128_HMAC_SHA1_80");
  }

  @Test
  void offerAndAnswerKeyASessionInEachDirection() {
    SdesCrypto offer = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, new SecureRandom());
    SdesCrypto answer = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, new SecureRandom());
    SrtpSession offerer = SrtpSession.fromSdes(offer, parsed(answer.format()));
    SrtpSession answerer = SrtpSession.fromSdes(answer, parsed(offer.format()));
    byte[] packet = TestPackets.rtp(1, 42, 160);
    byte[] reply = TestPackets.rtp(9, 43, 160);

    assertThat(answerer.unprotectRtp(packet, 0, offerer.protectRtp(packet, 0, 172))).isEqualTo(172);
    assertThat(offerer.unprotectRtp(reply, 0, answerer.protectRtp(reply, 0, 172))).isEqualTo(172);
  }

  @Test
  void keyParamRefusesALifetimeBeyondTheSuiteMaximum() {
    SrtpMasterKey key = TestPackets.key(1);

    assertThatThrownBy(
            () -> new SdesKeyParam(key, OptionalLong.of((1L << 48) + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SdesKeyParam(key, OptionalLong.of(1L << 48)).format()).endsWith("|2^48");
  }

  @Test
  void sessionFromSdesRefusesMismatchedSuites() {
    SdesCrypto a = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, new SecureRandom());
    SdesCrypto b = new SdesCrypto(1, SrtpSuite.AES_CM_128_HMAC_SHA1_32, a.keys(), List.of());

    assertThatThrownBy(() -> SrtpSession.fromSdes(a, b))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SdesCrypto parsed(String value) {
    SdesParseResult result = SdesCrypto.parse(value);
    assertThat(result).isInstanceOf(SdesParseResult.Parsed.class);
    return ((SdesParseResult.Parsed) result).crypto();
  }
}
