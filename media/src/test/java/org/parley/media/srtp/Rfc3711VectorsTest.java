package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 3711 appendix B, byte for byte. */
class Rfc3711VectorsTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @Test
  void aesCounterModeKeystreamMatchesAppendixB2() {
    byte[] sessionKey = HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C");
    byte[] sessionSalt = HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");
    byte[] iv = new byte[16];
    AesCounterMode.packetIv(sessionSalt, 0, 0, iv);
    assertThat(HEX.formatHex(iv)).isEqualTo("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");

    byte[] keystream = new byte[0xFF02 * 16];
    new AesCounterMode(sessionKey).apply(iv, keystream, 0, keystream.length);

    assertThat(block(keystream, 0x0000)).isEqualTo("E03EAD0935C95E80E166B16DD92B4EB4");
    assertThat(block(keystream, 0x0001)).isEqualTo("D23513162B02D0F72A43A2FE4A5F97AB");
    assertThat(block(keystream, 0x0002)).isEqualTo("41E95B3BB0A2E8DD477901E4FCA894C0");
    assertThat(block(keystream, 0xFEFF)).isEqualTo("EC8CDF7398607CB0F2D21675EA9EA1E4");
    assertThat(block(keystream, 0xFF00)).isEqualTo("362B7C3C6773516318A077D7FC5073AE");
    assertThat(block(keystream, 0xFF01)).isEqualTo("6A2CC3787889374FBEB4C81B17BA6C44");
  }

  @Test
  void keystreamIsTheSameWhetherAppliedInOneCallOrAtAnOffset() {
    byte[] key = HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C");
    byte[] iv = HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
    byte[] whole = new byte[1500];
    new AesCounterMode(key).apply(iv, whole, 0, whole.length);
    byte[] shifted = new byte[1507];
    new AesCounterMode(key).apply(iv, shifted, 7, 1500);

    assertThat(Arrays.copyOfRange(shifted, 7, 1507)).isEqualTo(whole);
  }

  @Test
  void keyDerivationMatchesAppendixB3() {
    SrtpMasterKey master = new SrtpMasterKey(
        HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139"),
        HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6"));

    SessionKeys keys = SessionKeys.forRtp(master);

    assertThat(HEX.formatHex(keys.cipherKey())).isEqualTo("C61E7A93744F39EE10734AFE3FF7A087");
    assertThat(HEX.formatHex(keys.salt())).isEqualTo("30CBBC08863D8C85D49DB34A9AE1");
    assertThat(HEX.formatHex(keys.authKey())).isEqualTo("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
  }

  @Test
  void authenticationKeystreamMatchesAllNinetyFourBytesOfAppendixB3() {
    byte[] prf = SessionKeys.prf(
        HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139"),
        HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6"), 1, 94);

    assertThat(HEX.formatHex(prf)).isEqualTo(
        "CEBE321F6FF7716B6FD4AB49AF256A15" + "6D38BAA48F0A0ACF3C34E2359E6CDBCE"
            + "E049646C43D9327AD175578EF7227098" + "6371C10C9A369AC2F94A8C5FBCDDDC25"
            + "6D6E919A48B610EF17C2041E47403576" + "6B68642C59BBFC2F34DB60DBDFB2");
  }

  private static String block(byte[] keystream, int counter) {
    return HEX.formatHex(keystream, counter * 16, counter * 16 + 16);
  }
}
