package org.parley.media.srtp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict reader of {@code a=crypto} values behind {@link SdesCrypto#parse(String)}: the
 * grammar of RFC 4568 section 9 with the SRTP rules of section 6. A {@link Malformed} reason
 * names the broken part but never echoes key material.
 */
final class SdesCryptoParser {
  private static final Pattern TAG = Pattern.compile("[0-9]{1,9}");
  private static final Pattern SUITE = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern KEY_PARAM = Pattern.compile("([A-Za-z0-9_]+):([\\x21-\\x3A\\x3C-\\x7E]+)");
  private static final Pattern KEY_SALT = Pattern.compile("[A-Za-z0-9+/]{40}");
  private static final Pattern LIFETIME = Pattern.compile("(2\\^)?([0-9]+)");
  private static final Pattern MKI = Pattern.compile("([0-9]+):([0-9]{1,3})");
  private static final Pattern SESSION_PARAM = Pattern.compile("[\\x21-\\x7E]+");
  private static final Pattern WSH = Pattern.compile("WSH=([0-9]{2,})");
  private static final Pattern KDR = Pattern.compile("KDR=([0-9]{1,2})");

  private SdesCryptoParser() {}

  static SdesParseResult parse(String value) {
    try {
      return read(value);
    } catch (BadValue e) {
      return new SdesParseResult.Malformed(e.getMessage());
    }
  }

  private static SdesParseResult read(String value) throws BadValue {
    String[] fields = value.split("[ \t]+", -1);
    if (fields.length < 3 || fields[0].isEmpty() || fields[fields.length - 1].isEmpty()) {
      throw new BadValue("A crypto attribute needs a tag, a crypto suite and key parameters.");
    }
    require(TAG.matcher(fields[0]).matches(), "The tag must be 1 to 9 digits.");
    int tag = Integer.parseInt(fields[0]);
    require(SUITE.matcher(fields[1]).matches(), "The crypto suite has characters it may not have.");
    String[] keyParams = fields[2].split(";", -1);
    for (String keyParam : keyParams) {
      require(KEY_PARAM.matcher(keyParam).matches(), "A key parameter is not method:info.");
    }
    for (int i = 3; i < fields.length; i++) {
      require(SESSION_PARAM.matcher(fields[i]).matches(), "A session parameter is not visible text.");
    }
    Optional<SrtpSuite> suite = SrtpSuite.bySdpName(fields[1]);
    if (suite.isEmpty()) {
      return new SdesParseResult.Unsupported(tag, "Crypto suite " + fields[1] + " is not supported.");
    }

    List<SdesKeyParam> keys = new ArrayList<>();
    for (String keyParam : keyParams) {
      int colon = keyParam.indexOf(':');
      if (!keyParam.substring(0, colon).equals("inline")) {
        return new SdesParseResult.Unsupported(tag, "Only the inline key method is supported.");
      }
      keys.add(keyInfo(keyParam.substring(colon + 1)));
    }
    checkMkis(keys);

    List<String> kept = new ArrayList<>();
    String unsupported = null;
    for (int i = 3; i < fields.length; i++) {
      String reason = sessionParam(fields[i]);
      if (reason == null) {
        kept.add(fields[i]);
      } else if (unsupported == null) {
        unsupported = reason;
      }
    }
    if (unsupported != null) {
      return new SdesParseResult.Unsupported(tag, unsupported);
    }
    return new SdesParseResult.Parsed(new SdesCrypto(tag, suite.get(), keys, kept));
  }

  /** {@code key-salt ["|" lifetime] ["|" mki]}, SRTP's key-info (section 6.1). */
  private static SdesKeyParam keyInfo(String info) throws BadValue {
    String[] parts = info.split("\\|", -1);
    require(parts.length <= 3, "A key parameter has more than key, lifetime and MKI.");
    require(KEY_SALT.matcher(parts[0]).matches(), "The inline key must be base64 of 30 bytes.");
    byte[] keySalt = Base64.getDecoder().decode(parts[0]);
    OptionalLong lifetime = OptionalLong.empty();
    byte[] mki = new byte[0];
    for (int i = 1; i < parts.length; i++) {
      Matcher m = MKI.matcher(parts[i]);
      if (m.matches()) {
        require(i == parts.length - 1, "The MKI must come last in a key parameter.");
        mki = mki(m.group(1), m.group(2));
      } else {
        require(i == 1, "A key parameter has two lifetimes or a malformed MKI.");
        lifetime = OptionalLong.of(lifetime(parts[i]));
      }
    }
    return new SdesKeyParam(SrtpMasterKey.fromKeySalt(keySalt, mki), lifetime);
  }

  private static long lifetime(String text) throws BadValue {
    Matcher m = LIFETIME.matcher(text);
    require(m.matches(), "The key lifetime must be 2^n or a decimal number.");
    BigInteger n = new BigInteger(m.group(2));
    BigInteger packets = m.group(1) == null ? n : n.bitLength() > 8 ? null : BigInteger.ONE.shiftLeft(n.intValue());
    require(packets != null && packets.signum() > 0
        && packets.compareTo(BigInteger.valueOf(SrtpSuite.MAX_LIFETIME)) <= 0,
        "The key lifetime must be between 1 and 2^48 packets.");
    return packets.longValueExact();
  }

  private static byte[] mki(String valueText, String lengthText) throws BadValue {
    int length = Integer.parseInt(lengthText);
    require(length >= 1 && length <= 128, "The MKI length must be 1 to 128 bytes.");
    BigInteger value = new BigInteger(valueText);
    require(value.bitLength() <= 8 * length, "The MKI value does not fit its length.");
    byte[] raw = value.toByteArray();
    byte[] mki = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, mki, length - copy, copy);
    return mki;
  }

  /** Several keys are told apart only by MKI: each needs one, all of one length, all distinct. */
  private static void checkMkis(List<SdesKeyParam> keys) throws BadValue {
    if (keys.size() == 1) {
      return;
    }
    int length = keys.get(0).masterKey().mki().length;
    Set<BigInteger> seen = new HashSet<>();
    for (SdesKeyParam key : keys) {
      byte[] mki = key.masterKey().mki();
      require(mki.length > 0 && mki.length == length, "Several keys need MKIs of one length.");
      require(seen.add(new BigInteger(1, mki)), "Several keys need distinct MKI values.");
    }
  }

  /**
   * Checks one SRTP session parameter (section 6.3): null when Parley keeps it, a reason when it is
   * valid but unsupported.
   *
   * @throws BadValue when it is malformed or an unknown mandatory parameter (section 6.3.7)
   */
  private static String sessionParam(String param) throws BadValue {
    Matcher kdr = KDR.matcher(param);
    if (kdr.matches()) {
      require(Integer.parseInt(kdr.group(1)) <= 24, "KDR must be 0 to 24.");
      return "A key derivation rate is not supported.";
    }
    if (param.startsWith("KDR=")) {
      throw new BadValue("KDR must be 0 to 24.");
    }
    switch (param) {
      case "UNENCRYPTED_SRTP", "UNENCRYPTED_SRTCP", "UNAUTHENTICATED_SRTP":
        return "Parley does not send or accept " + param + ".";
      case "FEC_ORDER=FEC_SRTP", "FEC_ORDER=SRTP_FEC":
        return null;
      default:
        break;
    }
    if (param.startsWith("FEC_ORDER=")) {
      throw new BadValue("FEC_ORDER must be FEC_SRTP or SRTP_FEC.");
    }
    if (param.startsWith("FEC_KEY=")) {
      return "FEC keys are not supported.";
    }
    if (param.startsWith("WSH=")) {
      Matcher wsh = WSH.matcher(param);
      require(wsh.matches() && new BigInteger(wsh.group(1)).compareTo(BigInteger.valueOf(64)) >= 0,
          "WSH must be a number of at least 64.");
      return null;
    }
    if (param.startsWith("-")) {
      return null;
    }
    throw new BadValue("Unknown mandatory session parameter " + param + ".");
  }

  private static void require(boolean condition, String reason) throws BadValue {
    if (!condition) {
      throw new BadValue(reason);
    }
  }

  /** A malformed part, carried out of the nested readers; never escapes this class. */
  private static final class BadValue extends Exception {
    BadValue(String reason) {
      super(reason, null, false, false);
    }
  }
}
