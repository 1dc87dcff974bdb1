package org.parley.media.msrp;

/**
 * A REPORT received for a message we sent (RFC 4975 §7.1.2): {@code status} 200 means the bytes in
 * {@code range} were delivered; anything else means they failed.
 *
 * @param range null when the REPORT had no Byte-Range
 */
public record MsrpReport(String messageId, int status, String comment, ByteRange range) {
}
