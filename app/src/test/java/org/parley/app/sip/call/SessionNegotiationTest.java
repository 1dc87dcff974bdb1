package org.parley.app.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.parley.app.sip.call.SessionExpires.Refresher;
import org.parley.app.sip.call.SessionNegotiation.NoTimer;
import org.parley.app.sip.call.SessionNegotiation.Timer;
import org.parley.app.sip.call.SessionNegotiation.TooSmall;
import org.parley.app.sip.call.SessionNegotiation.UasDecision;

/** RFC 4028 decisions: §9 (UAS answer and refresher choice, table 2), §7.2, §7.3 and the timing of §10. */
class SessionNegotiationTest {
    private static final int MIN = 90;

    private static UasDecision answer(String sessionExpires, boolean supported) {
        return SessionNegotiation.answer(SessionExpires.parse(sessionExpires), OptionalInt.empty(), supported, MIN);
    }

    @Test
    void aRequestWithoutSessionExpiresGetsNoTimer() {
        assertThat(answer(null, true)).isInstanceOf(NoTimer.class);
        assertThat(answer(null, false)).isInstanceOf(NoTimer.class);
    }

    @Test
    void theRefresherTheUacNamesIsKeptAndTimerIsRequired() {
        assertThat(answer("1800;refresher=uac", true))
                .isEqualTo(new Timer(SessionExpires.of(1800, Refresher.UAC), true));
        assertThat(answer("1800;refresher=uas", true))
                .isEqualTo(new Timer(SessionExpires.of(1800, Refresher.UAS), true));
    }

    @Test
    void withoutARefresherTheUacThatAskedRefreshes() {
        Timer t = (Timer) answer("600", true);
        assertThat(t.expires()).isEqualTo(SessionExpires.of(600, Refresher.UAC));
        assertThat(t.weRefresh()).isFalse();
    }

    @Test
    void aUacWithoutTimerSupportLeavesTheRefreshingToUsAndIsNotSentRequire() {
        Timer t = (Timer) answer("1800;refresher=uac", false);
        assertThat(t.expires()).isEqualTo(SessionExpires.of(1800, Refresher.UAS));
        assertThat(t.requireTimer()).isFalse();
        assertThat(t.weRefresh()).isTrue();
    }

    @Test
    void anIntervalBelowOurMinimumIsRefusedWith422CarryingOurMinimum() {
        assertThat(answer("30", true)).isEqualTo(new TooSmall(90));
        assertThat(SessionNegotiation.answer(SessionExpires.parse("30"), OptionalInt.of(120), true, MIN))
                .isEqualTo(new TooSmall(120));
    }

    @Test
    void anIntervalBelowOurMinimumFromAUacWithoutSupportIsRaisedNotRefused() {
        assertThat(answer("30", false)).isEqualTo(new Timer(SessionExpires.of(90, Refresher.UAS), false));
    }

    @Property
    void anAcceptedIntervalIsNeverShortenedNorBelowTheMinimum(@ForAll @IntRange(min = 1, max = 100_000) int asked,
                                                              @ForAll boolean supported) {
        UasDecision d = answer(Integer.toString(asked), supported);
        if (d instanceof Timer t) {
            assertThat(t.expires().seconds()).isGreaterThanOrEqualTo(MIN);
            assertThat(t.expires().seconds()).isEqualTo(Math.max(asked, MIN));
            assertThat(t.expires().refresher()).isPresent();
        } else {
            assertThat(d).isEqualTo(new TooSmall(MIN));
            assertThat(supported).isTrue();
            assertThat(asked).isLessThan(MIN);
        }
    }

    @Test
    void aTwoHundredNamesWhoRefreshesSeenFromUsAsUac() {
        assertThat(SessionNegotiation.fromResponse(SessionExpires.parse("90;refresher=uac")))
                .contains(new SessionNegotiation.Agreed(90, true));
        assertThat(SessionNegotiation.fromResponse(SessionExpires.parse("90;refresher=uas")))
                .contains(new SessionNegotiation.Agreed(90, false));
        assertThat(SessionNegotiation.fromResponse(SessionExpires.parse("90")))
                .contains(new SessionNegotiation.Agreed(90, true));
        assertThat(SessionNegotiation.fromResponse(Optional.empty())).isEmpty();
    }

    @Test
    void after422TheRetryAsksForTheLargerMinimumOnlyWhenItLearntOne() {
        assertThat(SessionNegotiation.afterTooSmall(OptionalInt.of(300), 90, MIN)).hasValue(300);
        assertThat(SessionNegotiation.afterTooSmall(OptionalInt.of(90), 90, MIN)).isEmpty();
        assertThat(SessionNegotiation.afterTooSmall(OptionalInt.empty(), 90, MIN)).isEmpty();
    }

    @Test
    void theRefresherRefreshesAtHalfTheInterval() {
        assertThat(SessionNegotiation.refreshAfter(90)).isEqualTo(Duration.ofSeconds(45));
        assertThat(SessionNegotiation.refreshAfter(1800)).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void theOtherSideGivesUpAThirdOrThirtyTwoSecondsBeforeTheEnd() {
        assertThat(SessionNegotiation.expireAfter(90)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SessionNegotiation.expireAfter(1800)).isEqualTo(Duration.ofSeconds(1768));
        assertThat(SessionNegotiation.expireAfter(6)).isEqualTo(Duration.ofSeconds(4));
    }

    @Property
    void expiryFallsAfterTheRefreshAndBeforeTheEnd(@ForAll @IntRange(min = 2, max = 1_000_000) int seconds) {
        Duration expiry = SessionNegotiation.expireAfter(seconds);
        assertThat(expiry).isGreaterThan(SessionNegotiation.refreshAfter(seconds).minusMillis(1))
                .isLessThan(Duration.ofSeconds(seconds));
        assertThat(Duration.ofSeconds(seconds).minus(expiry)).isLessThanOrEqualTo(Duration.ofSeconds(32));
    }
}
