package org.parley.app.sip.auth;

/**
 * Decides whether a 401/407 is a challenge to answer or a rejection of the credentials. Pure functions,
 * thread-safe.
 *
 * <p>A request that already carried credentials and is challenged again failed authentication, unless the
 * new challenge says {@code stale=true} (RFC 2617 §3.2.1: the nonce expired but the digest was right),
 * which is answered with the new nonce. A server that answers {@code stale=true} forever would loop; after
 * {@value #MAX_ANSWERS} answers for one request it counts as failed.
 */
public final class AuthOutcome {
    /** Most answers sent for one request (first answer plus stale retries). */
    public static final int MAX_ANSWERS = 3;

    private AuthOutcome() {
    }

    /**
     * @param alreadyAnswered whether the challenged request already carried credentials for this realm
     * @param newChallenge    the best supported challenge of the response ({@link DigestChallenge#best}),
     *                        or null when it has none
     */
    public static ChallengeDecision decide(boolean alreadyAnswered, DigestChallenge newChallenge) {
        return decide(alreadyAnswered ? 1 : 0, newChallenge);
    }

    /**
     * @param answersSoFar how many times this request was already sent with credentials
     * @param newChallenge the best supported challenge of the response, or null when it has none
     */
    public static ChallengeDecision decide(int answersSoFar, DigestChallenge newChallenge) {
        if (newChallenge == null || !newChallenge.isSupported()) {
            return answersSoFar == 0 ? ChallengeDecision.UNSUPPORTED : ChallengeDecision.FAILED;
        }
        if (answersSoFar == 0) {
            return ChallengeDecision.RETRY;
        }
        if (newChallenge.stale() && answersSoFar < MAX_ANSWERS) {
            return ChallengeDecision.RETRY;
        }
        return ChallengeDecision.FAILED;
    }
}
