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
        "sip:+4930123456@example.com;user=phone, sip:+4930123456@example.com",
        "<sip:+4930123456@Example.com:5060;USER=Phone>, sip:+4930123456@example.com:5060",
        "sips:0030123456@[2001:db8::1];user=phone, sips:0030123456@[2001:db8::1]",
        "sip:+1-201-555-0123;phone-context=+1@example.com, sip:+1-201-555-0123;phone-context=+1@example.com",
    })
    void normalises(String input, String expected) {
        assertThat(SipAddress.parse(input).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "tel:+4930123", "sip:@example.com", "sip:alice@", "sip:alice@exa mple.com",
        "sip:alice@example.com:0", "sip:alice@example.com:99999", "sip:al ice@example.com", "sip:alice@host:x",
        "sip:+4930@example.com;user=ip", "sip:+4930@example.com;transport=tcp", "sip:+4930@example.com;user=phone;lr",
        "sip:+4930@;user=phone", "sip:+4930@example.com;user=phone?subject=x", "sip:alice@example.com;user=phone:5060"})
    void refusesWhatIsNotAnAddress(String input) {
        assertThatThrownBy(() -> SipAddress.parse(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }

    @org.junit.jupiter.api.Test
    void userPhoneDoesNotChangeWhoTheAddressNames() {
        SipAddress plain = SipAddress.parse("sip:+4930123456@example.com");
        SipAddress phone = SipAddress.parse("sip:+4930123456@example.com;user=phone");

        assertThat(phone).isEqualTo(plain);
        assertThat(phone.key()).isEqualTo("+4930123456@example.com");
    }
}
