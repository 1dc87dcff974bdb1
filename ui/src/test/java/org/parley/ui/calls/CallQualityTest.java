package org.parley.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallQualityTest {

    @ParameterizedTest(name = "{0} % loss, {1} ms jitter is {2}")
    @CsvSource({
            "0, 0, GOOD",
            "1.0, 30, GOOD",
            "1.01, 0, FAIR",
            "0, 30.5, FAIR",
            "5.0, 60, FAIR",
            "5.1, 0, POOR",
            "0, 60.5, POOR",
            "20, 200, POOR"})
    void lossAndJitterDecideTheVerdictWithInclusiveThresholds(double loss, double jitter, CallQuality expected) {
        assertThat(CallQuality.of(loss, jitter)).isEqualTo(expected);
    }
}
