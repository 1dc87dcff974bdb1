package org.parley.media.msrp;

/** One header field as read or to be written; the name keeps the peer's spelling. */
public record MsrpHeader(String name, String value) {
  public static final String TO_PATH = "To-Path";
  public static final String FROM_PATH = "From-Path";
  public static final String MESSAGE_ID = "Message-ID";
  public static final String BYTE_RANGE = "Byte-Range";
  public static final String SUCCESS_REPORT = "Success-Report";
  public static final String FAILURE_REPORT = "Failure-Report";
  public static final String STATUS = "Status";
  public static final String CONTENT_TYPE = "Content-Type";
}
