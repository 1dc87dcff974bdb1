package org.parley.media.msrp;

/**
 * The final REPORT of one received message, held back by its receiver until it has judged the message
 * (RFC 4975 §7.1.2 lets a REPORT come after the last response). Sent at most once; later calls do
 * nothing.
 *
 * <p>Threading: any thread; the REPORT is written under the session's frame lock.
 */
public interface HeldReport {
  /**
   * Sends the verdict: {@link MsrpStatus#OK} sends the success REPORT(s) for the received ranges;
   * another status sends one failure REPORT ({@code Status: 000 <status> <comment>}) for the whole
   * message, which the sender sees as refused with {@code comment}.
   *
   * @param comment one line of text (CR, LF and control characters are removed)
   */
  void send(int status, String comment);
}
