package org.parley.app.sip.presence;

/** How our latest PUBLISH ended. Protocol outcomes are values. */
public sealed interface PublishOutcome {

    /** The presence agent holds our state until {@code expiresSeconds} from now (refreshed before that). */
    record Published(int expiresSeconds) implements PublishOutcome {
    }

    /** The server has no presence agent (489/405/501): watchers must be served peer to peer. */
    record NotSupported(int status) implements PublishOutcome {
    }

    /** Refused or not answered; retried with backoff. */
    record Failed(int status, String reason) implements PublishOutcome {
    }

    /** Our state was removed (sign-out). */
    record Removed() implements PublishOutcome {
    }
}
