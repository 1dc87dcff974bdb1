package org.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipAddressTest {

    @ParameterizedTest
    @CsvSource({
        "sip:alice@example.com, sip:alice@example.com",
        "alice@Example.COM, sip:alice@example.com",
        "<sip:alice@example.com>, sip:alice@example.com",
        "sips:alice@example.com:5061, sips:alice@example.com:5061",
        "SIP:bob@127.0.0.1:5070, sip:bob@127.0.0.1:5070",
    })
    void normalises(String input, String expected) {
        assertThat(SipAddress.parse(input).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "tel:+4930123", "sip:@example.com", "sip:alice@", "sip:alice@exa mple.com",
        "sip:alice@example.com:0", "sip:alice@example.com:99999", "sip:al ice@example.com", "sip:alice@host:x"})
    void refusesWhatIsNotAnAddress(String input) {
        assertThatThrownBy(() -> SipAddress.parse(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }
}
