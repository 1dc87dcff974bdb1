package org.parley.app.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthOutcomeTest {
    private static final DigestChallenge FRESH = DigestResponderTest.challenge(
            "Digest realm=\"r\", nonce=\"n2\", qop=\"auth\"");
    private static final DigestChallenge STALE = DigestResponderTest.challenge(
            "Digest realm=\"r\", nonce=\"n2\", qop=\"auth\", stale=true");
    private static final DigestChallenge UNKNOWN = DigestResponderTest.challenge(
            "Digest realm=\"r\", nonce=\"n2\", algorithm=SHA-1");

    @Test
    void firstChallengeIsAnswered() {
        assertThat(AuthOutcome.decide(false, FRESH)).isEqualTo(ChallengeDecision.RETRY);
        assertThat(AuthOutcome.decide(false, STALE)).isEqualTo(ChallengeDecision.RETRY);
    }

    @Test
    void challengedAgainWithoutStaleMeansWrongPassword() {
        assertThat(AuthOutcome.decide(true, FRESH)).isEqualTo(ChallengeDecision.FAILED);
    }

    @Test
    void staleNonceIsRetriedButNotForever() {
        assertThat(AuthOutcome.decide(true, STALE)).isEqualTo(ChallengeDecision.RETRY);
        assertThat(AuthOutcome.decide(AuthOutcome.MAX_ANSWERS - 1, STALE)).isEqualTo(ChallengeDecision.RETRY);
        assertThat(AuthOutcome.decide(AuthOutcome.MAX_ANSWERS, STALE)).isEqualTo(ChallengeDecision.FAILED);
    }

    @Test
    void unusableChallenge() {
        assertThat(AuthOutcome.decide(false, null)).isEqualTo(ChallengeDecision.UNSUPPORTED);
        assertThat(AuthOutcome.decide(false, UNKNOWN)).isEqualTo(ChallengeDecision.UNSUPPORTED);
        assertThat(AuthOutcome.decide(true, null)).isEqualTo(ChallengeDecision.FAILED);
    }
}
