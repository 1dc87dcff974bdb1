package org.parley.app.sdp;

/**
 * A session description that is refused: malformed, out of range or too large. A protocol outcome, not a bug: the
 * caller answers the request with an error (SIP 488/400) and logs the message once. The message is one short English
 * sentence naming the offending line; it never carries the whole body.
 */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /**
     * @param lineNumber the 1-based line the problem was found on, or 0 if it concerns the whole description
     * @param sentence   one English sentence
     */
    public SdpException(int lineNumber, String sentence) {
        super(sentence);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line number of the problem, or 0 when it concerns the whole description (size, missing lines). */
    public int lineNumber() {
        return lineNumber;
    }
}
