package org.parley.app.sip;

import java.util.List;
import javax.sip.header.Header;

/**
 * How to answer an incoming request that a handler decided on: the status, our To-tag for a request that
 * creates a dialog (null = any), extra headers, and what to do once the response is on its way (a notifier
 * sends its first NOTIFY only after the 2xx, RFC 6665 §4.2.1.2).
 */
public record Answer(int status, String reason, String toTag, List<Header> headers, Runnable afterSent) {
    public Answer {
        headers = List.copyOf(headers);
    }

    /** A plain answer without dialog, headers or follow-up. */
    public static Answer of(int status) {
        return new Answer(status, null, null, List.of(), () -> { });
    }

    public static Answer of(int status, String reason, List<Header> headers) {
        return new Answer(status, reason, null, headers, () -> { });
    }
}
