package org.parley.app.dial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DialUriTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "sip:bob@example.com                                        | sip:bob@example.com",
            "SIP:Bob@Example.COM                                        | sip:Bob@example.com",
            "sips:bob@example.com:5061;transport=tls                    | sips:bob@example.com:5061",
            "sip:bob@example.com;transport=tcp;maddr=evil.example       | sip:bob@example.com",
            "sip:bob@example.com?subject=Lunch%20at%20noon&priority=urgent | sip:bob@example.com",
            "sip:bob@example.com?Call-Info=%3Chttp://evil/x%3E;purpose=icon | sip:bob@example.com",
            "sip:bob@example.com;transport=tcp?X=1@evil.example         | sip:bob@example.com",
            "callto:bob@example.com                                     | sip:bob@example.com",
            "callto://bob@example.com/                                  | sip:bob@example.com",
    })
    void sipLinksKeepOnlyTheAddress(String link, String address) {
        assertThat(DialUri.parse(link)).isInstanceOfSatisfying(DialRequest.Address.class,
                a -> assertThat(a.address().toString()).isEqualTo(address));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "tel:+1-201-555-0123                  | +12015550123",
            "tel:+49-30-123456;ext=12;isub=9     | +4930123456",
            "tel:+49%2030%20123456                | +4930123456",
            "callto:+4930123456                   | +4930123456",
            "callto://+49 30 123456               | +4930123456",
            "tel:030.123.456                      | 030123456",
    })
    void numberLinksKeepTheDigits(String link, String digits) {
        assertThat(DialUri.parse(link)).isInstanceOfSatisfying(DialRequest.Number.class,
                n -> assertThat(n.number()).isEqualTo(digits));
    }

    @Test
    void aGlobalPhoneContextIsKeptForLocalNumbersOnly() {
        assertThat(DialUri.parse("tel:863-1234;phone-context=+1-914-555"))
                .isEqualTo(new DialRequest.Number("8631234", Optional.of("+1914555")));
        assertThat(DialUri.parse("tel:7042;phone-context=example.com"))
                .isEqualTo(new DialRequest.Number("7042", Optional.empty()));
        assertThat(DialUri.parse("tel:+1-201-555-0123;phone-context=+1-914"))
                .isEqualTo(new DialRequest.Number("+12015550123", Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:bob@example.com\r\nVia: SIP/2.0/UDP evil", "sip:bob@example.com%0D%0AVia:x",
            "tel:+4930%0a123", "<sip:bob@example.com>", "sip:\"bob\"@example.com", "sip:bob@exa\u0000mple.com",
            "sip:bob@example.com\u2028x"})
    void controlCharactersBracketsAndQuotesAreRefused(String link) {
        assertThat(DialUri.parse(link)).isInstanceOfSatisfying(DialRequest.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(DialRequest.Reason.CHARACTERS));
    }

    @Test
    void anOverlongLinkIsRefusedWithoutLookingFurther() {
        String link = "sip:" + "a".repeat(DialUri.MAX_LENGTH) + "@example.com";
        assertThat(DialUri.parse(link)).isInstanceOfSatisfying(DialRequest.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(DialRequest.Reason.TOO_LONG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "javascript:alert(1)", "mailto:bob@example.com", "bob@example.com",
            "", "   "})
    void otherSchemesAreRefused(String link) {
        assertThat(DialUri.parse(link)).isInstanceOfSatisfying(DialRequest.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(DialRequest.Reason.SCHEME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:example.com", "sip:bob@", "sip:@example.com", "sip:bob@exa mple.com",
            "sip:bob@example.com:99999", "sips:bob@ex_ample.com"})
    void sipLinksWithoutAUsableAddressAreRefused(String link) {
        assertThat(DialUri.parse(link)).isInstanceOfSatisfying(DialRequest.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(DialRequest.Reason.ADDRESS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:", "tel:+", "tel:abc", "tel:+49 30 12a", "callto:skypeuser", "callto://",
            "tel:1234567890123456789012345678", "tel:++4930"})
    void numbersThatAreNotNumbersAreRefused(String link) {
        assertThat(DialUri.parse(link)).isInstanceOfSatisfying(DialRequest.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(DialRequest.Reason.NUMBER));
    }

    @Property
    void anyTextYieldsAValueAndNoAddressCarriesLineBreaksOrBrackets(@ForAll String text) {
        DialRequest r = DialUri.parse(text);
        if (r instanceof DialRequest.Address a) {
            assertThat(a.address().toString()).doesNotContain("\r", "\n", "<", ">", "?", "\"");
        }
        assertThat(DialUri.parse("sip:bob@example.com?h=" + text)).isInstanceOfAny(DialRequest.Address.class,
                DialRequest.Refused.class);
    }
}
