package org.parley.media.msrp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An MSRP URI (RFC 4975 §6): {@code msrp[s]://[userinfo@]host[:port][/session-id];transport[;param]*}.
 * Immutable and thread-safe. {@link #equals} is exact (as written); {@link #matches} is the
 * protocol's comparison (§6.1), the one to use when checking To-Path and From-Path.
 *
 * @param port the port, or -1 when absent
 * @param sessionId empty when absent (relay URIs); endpoints always have one
 */
public record MsrpUri(boolean secure, String userinfo, String host, int port, String sessionId,
    String transport, List<String> parameters) {
  /** The port assumed when a URI has none (RFC 4975 §15.3). */
  public static final int DEFAULT_PORT = 2855;
  private static final int MAX_LENGTH = 2048;
  private static final String SESSION_ID_CHARS = "-._~+=/";
  private static final String PARAM_CHARS = "-._~!$&'()*+,=%:[]/";
  private static final char[] ID_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  public MsrpUri {
    parameters = List.copyOf(parameters);
  }

  /** A URI for a local endpoint with a fresh random session id (120 bits). */
  public static MsrpUri local(boolean secure, String host, int port) {
    return new MsrpUri(secure, "", host, port, randomId(20), "tcp", List.of());
  }

  /** Parses one URI; throws {@link MsrpProtocolException} with the reason when it is not one. */
  public static MsrpUri parse(String text) throws MsrpProtocolException {
    if (text.length() > MAX_LENGTH) {
      throw new MsrpProtocolException("MSRP URI longer than " + MAX_LENGTH);
    }
    int colon = text.indexOf("://");
    if (colon < 0) {
      throw new MsrpProtocolException("not an MSRP URI: " + text);
    }
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("msrp") && !scheme.equals("msrps")) {
      throw new MsrpProtocolException("not an msrp or msrps URI: " + text);
    }
    String rest = text.substring(colon + 3);
    int semicolon = rest.indexOf(';');
    if (semicolon < 0) {
      throw new MsrpProtocolException("MSRP URI without transport: " + text);
    }
    String[] params = rest.substring(semicolon + 1).split(";", -1);
    String beforeParams = rest.substring(0, semicolon);
    int slash = beforeParams.indexOf('/');
    String authority = slash < 0 ? beforeParams : beforeParams.substring(0, slash);
    String sessionId = slash < 0 ? "" : beforeParams.substring(slash + 1);
    check(!(slash >= 0 && sessionId.isEmpty()), "empty session-id", text);
    check(allOf(sessionId, SESSION_ID_CHARS), "bad session-id", text);
    check(params[0].length() > 0 && allOf(params[0], ""), "bad transport", text);
    List<String> extra = new ArrayList<>();
    for (int i = 1; i < params.length; i++) {
      check(!params[i].isEmpty() && allOf(params[i], PARAM_CHARS), "bad URI parameter", text);
      extra.add(params[i]);
    }
    int at = authority.lastIndexOf('@');
    String userinfo = at < 0 ? "" : authority.substring(0, at);
    check(allOf(userinfo, PARAM_CHARS.replace("[]/", "").replace(":", "") + ":;"), "bad userinfo", text);
    String hostPort = authority.substring(at + 1);
    String host;
    String portText = "";
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      check(close > 1, "bad IPv6 host", text);
      host = hostPort.substring(0, close + 1);
      check(host.substring(1, close).chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.'),
          "bad IPv6 host", text);
      String after = hostPort.substring(close + 1);
      check(after.isEmpty() || after.startsWith(":"), "bad host", text);
      portText = after.isEmpty() ? "" : after.substring(1);
    } else {
      int portColon = hostPort.lastIndexOf(':');
      host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
      portText = portColon < 0 ? "" : hostPort.substring(portColon + 1);
      check(!host.isEmpty() && allOf(host, "-.%_~"), "bad host", text);
    }
    int port = -1;
    if (!portText.isEmpty() || hostPort.endsWith(":")) {
      check(portText.length() >= 1 && portText.length() <= 5 && allOf(portText, "")
          && portText.chars().allMatch(Character::isDigit), "bad port", text);
      port = Integer.parseInt(portText);
      check(port >= 1 && port <= 65535, "port out of range", text);
    }
    return new MsrpUri(scheme.equals("msrps"), userinfo, host, port, sessionId, params[0], extra);
  }

  /** Parses a path header value: URIs separated by single spaces, at least one. */
  public static List<MsrpUri> parsePath(String value) throws MsrpProtocolException {
    List<MsrpUri> uris = new ArrayList<>();
    for (String part : value.split(" ", -1)) {
      uris.add(parse(part));
    }
    return List.copyOf(uris);
  }

  /**
   * RFC 4975 §6.1: same scheme, host case-insensitively, port (absent means 2855), session-id
   * case-sensitively, transport case-insensitively. Userinfo and other parameters are ignored.
   */
  public boolean matches(MsrpUri other) {
    return other != null && secure == other.secure && host.equalsIgnoreCase(other.host)
        && effectivePort() == other.effectivePort() && sessionId.equals(other.sessionId)
        && transport.equalsIgnoreCase(other.transport);
  }

  public int effectivePort() {
    return port < 0 ? DEFAULT_PORT : port;
  }

  /** The URI as written on the wire. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(secure ? "msrps://" : "msrp://");
    if (!userinfo.isEmpty()) {
      out.append(userinfo).append('@');
    }
    out.append(host);
    if (port >= 0) {
      out.append(':').append(port);
    }
    if (!sessionId.isEmpty()) {
      out.append('/').append(sessionId);
    }
    out.append(';').append(transport);
    parameters.forEach(p -> out.append(';').append(p));
    return out.toString();
  }

  static String randomId(int length) {
    char[] id = new char[length];
    for (int i = 0; i < length; i++) {
      id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
    }
    return new String(id);
  }

  private static boolean allOf(String text, String extra) {
    return text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || extra.indexOf(c) >= 0));
  }

  private static void check(boolean ok, String what, String text) throws MsrpProtocolException {
    if (!ok) {
      throw new MsrpProtocolException(what + " in MSRP URI: " + text);
    }
  }
}
