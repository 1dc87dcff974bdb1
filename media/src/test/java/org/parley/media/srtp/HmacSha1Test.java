package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HmacSha1Test {

  @Test
  void matchesRfc2202TestCase2() {
    HmacSha1 mac = new HmacSha1("Jefe".getBytes());
    byte[] data = "what do ya want for nothing?".getBytes();
    mac.start();
    mac.update(data, 0, data.length);

    assertThat(HexFormat.of().formatHex(mac.finish()))
        .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
  }

  @Property(tries = 200)
  void agreesWithTheJdkMac(
      @ForAll @Size(20) byte[] key, @ForAll @Size(max = 300) byte[] data, @ForAll int word)
      throws Exception {
    Mac jdk = Mac.getInstance("HmacSHA1");
    jdk.init(new SecretKeySpec(key, "HmacSHA1"));
    jdk.update(data);
    jdk.update(new byte[] {(byte) (word >>> 24), (byte) (word >>> 16), (byte) (word >>> 8), (byte) word});

    HmacSha1 ours = new HmacSha1(key);
    ours.start();
    ours.update(data, 0, data.length);
    ours.updateInt(word);

    assertThat(ours.finish()).isEqualTo(jdk.doFinal());
  }
}
