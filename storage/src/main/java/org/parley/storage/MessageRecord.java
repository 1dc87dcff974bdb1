package org.parley.storage;

import java.time.Instant;

/**
 * One chat message as stored.
 *
 * @param id          database id, increasing in insertion order
 * @param account     address of record of the local account ("sip:alice@example.com")
 * @param peer        address of record of the other side
 * @param direction   IN or OUT
 * @param body        the text (UTF-8)
 * @param createdAt   when the user pressed send, or when it was received
 * @param state       delivery state
 * @param stateReason a short human sentence for FAILED (e.g. "404 Not Found"), otherwise null
 * @param sipKey      SIP identity used for de-duplication and re-sending: for OUT the Call-ID Parley
 *                    keeps across re-sends; for IN the key built from From tag, Call-ID and CSeq
 */
public record MessageRecord(long id, String account, String peer, Direction direction, String body,
                            Instant createdAt, DeliveryState state, String stateReason, String sipKey) {
}
