package org.parley.media.msrp;

/** MSRP status codes (RFC 4975 §10) and their reason phrases. */
public final class MsrpStatus {
  public static final int OK = 200;
  public static final int BAD_REQUEST = 400;
  public static final int FORBIDDEN = 403;
  public static final int TIMEOUT = 408;
  public static final int STOP_SENDING = 413;
  public static final int UNSUPPORTED_MEDIA = 415;
  public static final int OUT_OF_BOUNDS = 423;
  public static final int NO_SESSION = 481;
  public static final int UNKNOWN_METHOD = 501;
  public static final int SESSION_IN_USE = 506;

  private MsrpStatus() {
  }

  /** A short comment for {@code code}, as sent after the code on a response or Status line. */
  public static String phrase(int code) {
    return switch (code) {
      case OK -> "OK";
      case BAD_REQUEST -> "Bad Request";
      case FORBIDDEN -> "Forbidden";
      case TIMEOUT -> "Request Timeout";
      case STOP_SENDING -> "Stop Sending Message";
      case UNSUPPORTED_MEDIA -> "Unsupported Media Type";
      case OUT_OF_BOUNDS -> "Parameter Out Of Bounds";
      case NO_SESSION -> "Session Does Not Exist";
      case UNKNOWN_METHOD -> "Method Not Understood";
      case SESSION_IN_USE -> "Session Already In Use";
      default -> "Status " + code;
    };
  }
}
