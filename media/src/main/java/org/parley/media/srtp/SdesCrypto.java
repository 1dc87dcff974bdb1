package org.parley.media.srtp;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The value of one SDES {@code a=crypto} attribute (RFC 4568 section 9.1), without the {@code
 * a=crypto:} prefix: {@code <tag> <crypto-suite> <key-params> [<session-params>]}. Immutable.
 * {@link #toString()} hides the keys; {@link #format()} writes them.
 *
 * @param tag 0..999999999, identifies the attribute within its media description
 * @param keys one or more master keys; when several, each carries a distinct MKI of one length
 * @param sessionParams the session parameters kept as written: only ones Parley can honour or may
 *     ignore ({@code FEC_ORDER}, {@code WSH}, {@code -}optional ones)
 */
public record SdesCrypto(
    int tag, SrtpSuite suite, List<SdesKeyParam> keys, List<String> sessionParams) {

  private static final int MAX_TAG = 999_999_999;

  public SdesCrypto {
    if (tag < 0 || tag > MAX_TAG) {
      throw new IllegalArgumentException("The tag must have at most 9 digits.");
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("At least one key parameter is needed.");
    }
    keys = List.copyOf(keys);
    sessionParams = List.copyOf(sessionParams);
  }

  /** Reads an attribute value strictly; never throws. */
  public static SdesParseResult parse(String value) {
    return SdesCryptoParser.parse(value);
  }

  /** A fresh offer: one random master key and salt, no lifetime, no MKI, no session parameters. */
  public static SdesCrypto generate(int tag, SrtpSuite suite, SecureRandom random) {
    byte[] keySalt = new byte[SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH];
    random.nextBytes(keySalt);
    SrtpMasterKey key = SrtpMasterKey.fromKeySalt(keySalt, new byte[0]);
    return new SdesCrypto(tag, suite, List.of(new SdesKeyParam(key)), List.of());
  }

  /** The attribute value as it is written in SDP; contains the secret keys. */
  public String format() {
    StringBuilder text = new StringBuilder();
    text.append(tag).append(' ').append(suite.sdpName()).append(' ');
    text.append(keys.stream().map(SdesKeyParam::format).collect(Collectors.joining(";")));
    sessionParams.forEach(p -> text.append(' ').append(p));
    return text.toString();
  }

  @Override
  public String toString() {
    return "SdesCrypto[tag=" + tag + ", suite=" + suite + ", keys=" + keys.size()
        + ", sessionParams=" + sessionParams + "]";
  }
}
