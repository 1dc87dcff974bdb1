package org.parley.media.stream;

/**
 * What an {@link AudioStream} reports to the call layer. Both methods are called on a media thread:
 * they must return at once (hand the event to the core executor) and must not block on locks held
 * by other threads. A method that throws is logged and otherwise ignored.
 */
public interface StreamListener {

    /** A DTMF digit (0-9 * # A-D) arrived as an RFC 4733 telephone-event; once per key press. */
    void dtmfReceived(char digit);

    /**
     * No RTP arrived for 30 s while the direction says we receive (not while on hold). Called once;
     * it is armed again when packets flow again.
     */
    void mediaTimeout();
}
