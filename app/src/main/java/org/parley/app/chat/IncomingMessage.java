package org.parley.app.chat;

/**
 * A MESSAGE request addressed to one of our accounts, already screened and decoded.
 *
 * @param account     our account's id
 * @param from        the sender's address of record
 * @param dedupKey    From URI, From tag, Call-ID and CSeq number: identical for a re-sent copy
 * @param contentType media type without parameters, lower case
 * @param body        the raw body
 * @param charset     the charset parameter, or null
 */
public record IncomingMessage(String account, String from, String dedupKey, String contentType, byte[] body,
                              String charset) {
}
