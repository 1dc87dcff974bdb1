package org.parley.media.srtp;

/**
 * The outcome of reading one SDES {@code a=crypto} attribute value (RFC 4568): usable, valid but
 * beyond what Parley supports (skip it and look at the next one), or malformed.
 */
public sealed interface SdesParseResult {

  /** The value is well-formed and Parley can use it. */
  record Parsed(SdesCrypto crypto) implements SdesParseResult {}

  /**
   * The value is well-formed as far as Parley can tell, but uses a suite, key method or session
   * parameter Parley does not implement; an answerer skips it.
   *
   * @param reason one short sentence for logs
   */
  record Unsupported(int tag, String reason) implements SdesParseResult {}

  /**
   * The value breaks the grammar or a rule of RFC 4568 and must be ignored.
   *
   * @param reason one short sentence for logs, never containing key material
   */
  record Malformed(String reason) implements SdesParseResult {}
}
