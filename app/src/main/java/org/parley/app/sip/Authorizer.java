package org.parley.app.sip;

import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers digest challenges for one account. Called on the core thread only.
 */
public interface Authorizer {

    /**
     * The credentials header to add to a re-sent {@code request} after {@code challenge} (401 or 407), or empty
     * when the request must not be re-sent: no usable challenge, or the challenge rejects credentials that
     * were already sent (wrong password) and is not merely a stale nonce.
     *
     * @param alreadyAnswered whether {@code request} already carried credentials for this realm
     */
    Optional<Header> answer(Request request, Response challenge, boolean alreadyAnswered);

    /** Credentials computed from a cached nonce, to save a round trip; empty when none is cached. */
    Optional<Header> preemptive(Request request);
}
