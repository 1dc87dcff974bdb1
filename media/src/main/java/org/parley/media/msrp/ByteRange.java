package org.parley.media.msrp;

/**
 * A {@code Byte-Range} value (RFC 4975 §7.1.1): 1-based inclusive {@code start-end/total}, where
 * {@link #UNKNOWN} stands for {@code *} in end or total. An empty message is {@code 1-0/0}.
 */
public record ByteRange(long start, long end, long total) {
  public static final long UNKNOWN = -1;
  private static final int MAX_DIGITS = 18;

  public ByteRange {
    if (start < 1) {
      throw new IllegalArgumentException("range start " + start + " < 1");
    }
    if (end != UNKNOWN && end < start - 1) {
      throw new IllegalArgumentException("range end " + end + " before start " + start);
    }
    if (total != UNKNOWN && end != UNKNOWN && end > total) {
      throw new IllegalArgumentException("range end " + end + " beyond total " + total);
    }
    if (total < UNKNOWN || end < UNKNOWN) {
      throw new IllegalArgumentException("negative range value");
    }
  }

  /** Parses {@code start-end/total}. */
  public static ByteRange parse(String text) throws MsrpProtocolException {
    int dash = text.indexOf('-');
    int slash = text.indexOf('/');
    if (dash <= 0 || slash < dash) {
      throw new MsrpProtocolException("bad Byte-Range: " + text);
    }
    try {
      return new ByteRange(number(text.substring(0, dash), false),
          number(text.substring(dash + 1, slash), true), number(text.substring(slash + 1), true));
    } catch (IllegalArgumentException e) {
      throw new MsrpProtocolException("bad Byte-Range " + text + ": " + e.getMessage());
    }
  }

  private static long number(String digits, boolean starAllowed) {
    if (starAllowed && digits.equals("*")) {
      return UNKNOWN;
    }
    if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a number: '" + digits + "'");
    }
    return Long.parseLong(digits);
  }

  @Override
  public String toString() {
    return start + "-" + (end == UNKNOWN ? "*" : Long.toString(end)) + "/"
        + (total == UNKNOWN ? "*" : Long.toString(total));
  }
}
