package org.parley.app.sip;

import java.util.Optional;
import javax.sip.message.Request;

/**
 * Decides whether a parsed request may be processed. Stateless checks beyond what jain-sip validates
 * (RFC 4475). Called on the core thread; implementations must be thread-safe and never throw.
 */
@FunctionalInterface
public interface RequestGate {

    /** The answer to send instead of processing; {@code headers} are name/value pairs to add. */
    record Refusal(int status, String reason, String[][] headers) {
    }

    Optional<Refusal> check(Request request);

    RequestGate OPEN = r -> Optional.empty();
}
