package org.parley.app.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityMappingTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "away, AWAY", "busy, BUSY", "on-the-phone, ON_THE_PHONE", "meeting, IN_A_MEETING",
            "appointment, IN_A_MEETING", "presentation, IN_A_MEETING", "vacation, AWAY", "holiday, AWAY",
            "breakfast, AWAY", "dinner, AWAY", "meal, AWAY", "in-transit, AWAY", "travel, AWAY", "sleeping, AWAY",
            "permanent-absence, AWAY", "steering, BUSY", "performance, BUSY",
            "onthephone, ON_THE_PHONE", "ON_THE_PHONE, ON_THE_PHONE", "Do Not Disturb, DO_NOT_DISTURB",
            "dnd, DO_NOT_DISTURB", "In a meeting, IN_A_MEETING", "Be right back, AWAY"})
    void mapsActivities(String activity, PresenceState state) {
        assertThat(ActivityMapping.stateOf(activity)).contains(state);
    }

    @Test
    void activitiesThatSayNothingAboutReachabilityMapToNothing() {
        for (String a : List.of("working", "looking-for-work", "unknown", "x-holodeck", "", "brooding")) {
            assertThat(ActivityMapping.stateOf(a)).as(a).isEmpty();
        }
    }

    @Test
    void theStrongestActivityWins() {
        assertThat(ActivityMapping.strongest(List.of("away", "busy"))).contains(PresenceState.BUSY);
        assertThat(ActivityMapping.strongest(List.of("meal", "appointment"))).contains(PresenceState.IN_A_MEETING);
        assertThat(ActivityMapping.strongest(List.of("meeting", "on-the-phone"))).contains(PresenceState.ON_THE_PHONE);
        assertThat(ActivityMapping.strongest(List.of("busy", "do-not-disturb", "on-the-phone")))
                .contains(PresenceState.DO_NOT_DISTURB);
        assertThat(ActivityMapping.strongest(List.of("working"))).isEmpty();
        assertThat(ActivityMapping.strongest(List.of())).isEmpty();
    }

    @Test
    void everyPublishedActivityReadsBackAsItsState() {
        for (PresenceState state : PresenceState.values()) {
            List<String> names = ActivityMapping.activitiesFor(state).stream()
                    .map(a -> a.startsWith("other:") ? a.substring(6) : a).toList();
            if (names.isEmpty()) {
                continue;
            }
            assertThat(ActivityMapping.strongest(names)).as(state.name()).contains(state);
        }
    }
}
