package org.parley.app.sip.auth;

/** What to do with a 401/407 response. */
public enum ChallengeDecision {
    /** Answer the (new) challenge and send the request again. */
    RETRY,
    /** The server rejected the credentials we sent: wrong user name or password. Do not retry. */
    FAILED,
    /** The server offers no challenge Parley can answer (unknown algorithm or qop). Do not retry. */
    UNSUPPORTED
}
