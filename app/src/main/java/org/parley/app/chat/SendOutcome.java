package org.parley.app.chat;

/** What happened to one MESSAGE request, free of SIP library types. */
public sealed interface SendOutcome {

    /** A 2xx. {@code stored} is true for 202 (kept by the server for an offline peer). */
    record Accepted(boolean stored) implements SendOutcome {
    }

    /** A final non-2xx response, e.g. "404 Not Found". */
    record Rejected(int status, String statusLine) implements SendOutcome {
        /** Worth trying again later (408, 480, 5xx) rather than failing the message at once. */
        public boolean transientFailure() {
            return status == 408 || status == 480 || status / 100 == 5;
        }
    }

    /** No final response before the transaction timed out. */
    record NoAnswer() implements SendOutcome {
    }

    /** The request could not be sent (connection refused or lost). */
    record TransportFailed(String reason) implements SendOutcome {
    }
}
