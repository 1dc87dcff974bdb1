package org.parley.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.storage.CallRecord;
import org.parley.storage.Direction;
import org.parley.ui.common.I18n;

class CallTextTest {
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void everyEndCodeOfTheCoreReadsAsWordsInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            CallText text = new CallText(I18n.load(locale), CLOCK);
            for (String code : new String[] {"hangup", "remote_hangup", "busy", "declined", "no_answer", "cancelled",
                    "rejected", "failed", "something_new"}) {
                for (Direction direction : Direction.values()) {
                    CallRecord call = new CallRecord(1, "sip:a@example.com", "sip:b@example.com", direction, NOW,
                            Optional.empty(), NOW.plusSeconds(3), code, "");
                    assertThat(text.detail(call)).as(locale + " " + direction + " " + code)
                            .doesNotContain("!", "{", "_");
                }
            }
        }
    }

    @Test
    void durationsReadAsMinutesAndSecondsOrHours() {
        assertThat(CallText.duration(Duration.ZERO)).isEqualTo("0:00");
        assertThat(CallText.duration(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(CallText.duration(Duration.ofSeconds(192))).isEqualTo("3:12");
        assertThat(CallText.duration(Duration.ofSeconds(3599))).isEqualTo("59:59");
        assertThat(CallText.duration(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }
}
