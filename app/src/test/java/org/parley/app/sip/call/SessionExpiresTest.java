package org.parley.app.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.app.sip.call.SessionExpires.Refresher;

/** The Session-Expires and Min-SE values of RFC 4028 §4–5, as written by peers and by us. */
class SessionExpiresTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4000;refresher=uac      | 4000 | UAC",
            "1800;refresher=uas      | 1800 | UAS",
            "90                      | 90   |",
            " 1800 ; Refresher = UAC | 1800 | UAC",
            "1800;foo=bar;refresher=uas | 1800 | UAS",
            "1800;refresher=both     | 1800 |"})
    void readsTheIntervalAndTheRefresher(String value, int seconds, Refresher refresher) {
        assertThat(SessionExpires.parse(value)).contains(new SessionExpires(seconds, Optional.ofNullable(refresher)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-5", "0", "99999999999", "1.5;refresher=uac", ";refresher=uac"})
    void rejectsWhatIsNotAPositiveNumberOfSeconds(String value) {
        assertThat(SessionExpires.parse(value)).isEmpty();
    }

    @Property
    void whatWeWriteReadsBackTheSame(@ForAll @IntRange(min = 1) int seconds, @ForAll Refresher refresher) {
        SessionExpires se = SessionExpires.of(seconds, refresher);
        assertThat(SessionExpires.parse(se.value())).contains(se);
    }

    @ParameterizedTest
    @CsvSource({"90,90", "'120;x=y',120"})
    void readsMinSe(String value, int seconds) {
        assertThat(SessionExpires.parseMinSe(value)).hasValue(seconds);
    }
}
