package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallRecordTest {
    static final Instant T0 = Instant.parse("2026-11-20T14:05:00Z");

    @Test
    void talkedRunsFromAnswerToEnd() {
        assertThat(call(Direction.OUT, Optional.of(T0.plusSeconds(8)), T0.plusSeconds(200)).talked())
                .isEqualTo(Duration.ofSeconds(192));
    }

    @Test
    void anUnansweredCallTalkedForNoTime() {
        assertThat(call(Direction.OUT, Optional.empty(), T0.plusSeconds(30)).talked()).isZero();
    }

    @Test
    void anEndBeforeTheAnswerCountsAsNoTimeTalked() {
        assertThat(call(Direction.IN, Optional.of(T0.plusSeconds(10)), T0.plusSeconds(5)).talked()).isZero();
    }

    @Test
    void onlyUnansweredIncomingCallsAreMissed() {
        assertThat(call(Direction.IN, Optional.empty(), T0.plusSeconds(20)).missed()).isTrue();
        assertThat(call(Direction.IN, Optional.of(T0.plusSeconds(2)), T0.plusSeconds(20)).missed()).isFalse();
        assertThat(call(Direction.OUT, Optional.empty(), T0.plusSeconds(20)).missed()).isFalse();
    }

    private static CallRecord call(Direction direction, Optional<Instant> answered, Instant ended) {
        return new CallRecord(1, "sip:a@example.com", "sip:b@example.com", direction, T0, answered, ended,
                "hangup", "");
    }
}
