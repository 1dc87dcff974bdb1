package org.parley.media.msrp;

/** The flag that ends every MSRP request (RFC 4975 §7.1): how the chunk relates to its message. */
public enum Continuation {
  /** {@code $}: the last chunk of the message. */
  COMPLETE('$'),
  /** {@code +}: more chunks of this message follow. */
  MORE('+'),
  /** {@code #}: the sender abandoned the message. */
  ABORTED('#');

  private final char flag;

  Continuation(char flag) {
    this.flag = flag;
  }

  public char flag() {
    return flag;
  }

  /** The continuation for {@code b}, or null when {@code b} is not one of {@code $+#}. */
  public static Continuation of(int b) {
    return switch (b) {
      case '$' -> COMPLETE;
      case '+' -> MORE;
      case '#' -> ABORTED;
      default -> null;
    };
  }
}
