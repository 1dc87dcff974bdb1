package org.parley.app.sip.validation;

/**
 * The outcome of screening the raw bytes of one message. A value; never null.
 *
 * <ul>
 *   <li>{@link Accept}: hand the bytes to jain-sip's parser.
 *   <li>{@link Reject}: a request that must be answered with {@code status} (400, 501, 505, 513) and not
 *       be processed. Only ever returned for requests other than ACK.
 *   <li>{@link Drop}: discard silently — a malformed response, a malformed ACK, or anything no answer can
 *       be routed for. On a stream the message is known to have no body, so the stream stays in step.
 *   <li>{@link Close}: stream transports only: the message boundaries are lost (bad, negative, repeated or
 *       oversized Content-Length, oversized header section); discard and close the connection
 *       (RFC 3261 §18.3).
 * </ul>
 */
public sealed interface Verdict permits Verdict.Accept, Verdict.Reject, Verdict.Drop, Verdict.Close {

    /** The single {@link Accept} instance. */
    Verdict ACCEPT = new Accept();

    /** The message is acceptable as far as the raw screen can tell. */
    record Accept() implements Verdict {
    }

    /**
     * Answer the request with {@code status} (and {@code reason} as the Reason-Phrase).
     *
     * @param reason short, printable US-ASCII; never null
     */
    record Reject(int status, String reason) implements Verdict {
        public Reject {
            if (status < 400 || status > 699) {
                throw new IllegalArgumentException("not an error status: " + status);
            }
            reason = Printable.reasonPhrase(reason);
        }
    }

    /** Discard without an answer; {@code why} is for the log. */
    record Drop(String why) implements Verdict {
    }

    /** Discard and close the connection; {@code why} is for the log. */
    record Close(String why) implements Verdict {
    }
}
