package org.parley.app.dial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.app.SipAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialPlanTest {
    /** Berlin office on a provider that wants national form; 4-digit extensions. */
    private static final DialPlan GERMANY = new DialPlan("49", "0", "00", "", 4, false);
    /** Behind a German PBX: "0" for an outside line, 3-digit extensions. */
    private static final DialPlan GERMAN_PBX = new DialPlan("49", "0", "00", "0", 3, false);
    /** A provider that wants E.164 with "+". */
    private static final DialPlan GERMANY_E164 = new DialPlan("49", "0", "00", "", 4, true);
    /** US office behind a PBX: "9" for an outside line, 4-digit extensions. */
    private static final DialPlan US_PBX = new DialPlan("1", "1", "011", "9", 4, false);
    private static final DialPlan US = new DialPlan("1", "1", "011", "", 0, false);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "tel:+49-30-123456               | 030123456",
            "tel:+4930123456                 | 030123456",
            "callto:+49 (0)30 123-456        | 030123456",
            "callto:(0)30 123-456            | 030123456",
            "callto://030/123456             | 030123456",
            "tel:0044-20-7946-0000           | 00442079460000",
            "tel:+44.20.7946.0000            | 00442079460000",
            "tel:+1-201-555-0123             | 0012015550123",
            "tel:1234                        | 1234",
            "tel:42                          | 42",
            "tel:123456                      | 123456",
            "tel:*21#                        | *21#",
    })
    void germanNumbersAreDialledInNationalForm(String link, String expected) {
        assertThat(GERMANY.dial(number(link))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "tel:+49 30 123456     | 0030123456",
            "tel:030 123456        | 0030123456",
            "tel:+1-201-555-0123   | 00012015550123",
            "tel:123               | 123",
            "tel:1234              | 01234",
    })
    void aPbxGetsItsOutsideLinePrefixButExtensionsDoNot(String link, String expected) {
        assertThat(GERMAN_PBX.dial(number(link))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "tel:030 123456        | +4930123456",
            "tel:+49 (0)30 123456  | +4930123456",
            "tel:0044 20 7946 0000 | +442079460000",
            "tel:1234              | 1234",
    })
    void anE164ProviderGetsPlusAndCountryCode(String link, String expected) {
        assertThat(GERMANY_E164.dial(number(link))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "tel:+1-201-555-0123                         | 912015550123",
            "tel:+1-201-555-0123;phone-context=+1-914    | 912015550123",
            "tel:1 (201) 555-0123                        | 912015550123",
            "tel:(201) 555-0123                          | 92015550123",
            "tel:+49 30 123456                           | 90114930123456",
            "tel:011 44 20 7946 0000                     | 9011442079460000",
            "tel:4567                                    | 4567",
            "tel:863-1234;phone-context=+1-914-555       | 919145558631234",
    })
    void usNumbersGoThroughTheOutsideLineWithTrunkOrInternationalPrefix(String link, String expected) {
        assertThat(US_PBX.dial(number(link))).isEqualTo(expected);
    }

    @Test
    void aLocalNumberInADomainContextIsDialledAsItIs() {
        assertThat(US.dial(number("tel:7042;phone-context=example.com"))).isEqualTo("7042");
        assertThat(US.dial(number("tel:+1-201-555-0123;phone-context=example.com"))).isEqualTo("12015550123");
    }

    @Test
    void withoutADialPlanNumbersAreDialledAsGiven() {
        assertThat(DialPlan.NONE.dial(number("tel:+49 30 123456"))).isEqualTo("+4930123456");
        assertThat(DialPlan.NONE.dial(number("tel:030 123456"))).isEqualTo("030123456");
    }

    @Test
    void theStoredFormRoundTrips() {
        for (DialPlan plan : new DialPlan[] {GERMANY, GERMAN_PBX, GERMANY_E164, US_PBX, DialPlan.NONE}) {
            assertThat(DialPlan.decode(plan.encode())).isEqualTo(plan);
        }
        assertThat(GERMAN_PBX.encode()).isEqualTo("v=1;cc=49;np=0;ip=00;ol=0;ext=3;intl=0");
    }

    @Test
    void aMissingDamagedOrNewerStoredPlanReadsAsNone() {
        assertThat(DialPlan.decode(null)).isEqualTo(DialPlan.NONE);
        assertThat(DialPlan.decode("")).isEqualTo(DialPlan.NONE);
        assertThat(DialPlan.decode("v=2;cc=49")).isEqualTo(DialPlan.NONE);
        assertThat(DialPlan.decode("v=1;cc=4x9")).isEqualTo(DialPlan.NONE);
        assertThat(DialPlan.decode("v=1;ext=many")).isEqualTo(DialPlan.NONE);
        assertThat(DialPlan.decode("garbage")).isEqualTo(DialPlan.NONE);
    }

    @Test
    void prefixesMustBeShortDigitStrings() {
        assertThatThrownBy(() -> new DialPlan("+49", "0", "00", "", 4, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DialPlan("49", "0", "00000", "", 4, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DialPlan("49", "0", "00", "", 9, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNumberBecomesASipUriAtTheAccountDomainWithUserPhoneOnlyWhenGlobal() {
        DialTarget target = DialTarget.of(number("tel:+49 (0)30 123-456"), GERMANY, "example.com");
        assertThat(target.address().toString()).isEqualTo("sip:030123456@example.com");
        // A local dial string is not a telephone-subscriber without phone-context (RFC 3966 §5.1.5).
        assertThat(target.uri()).isEqualTo("sip:030123456@example.com");
        assertThat(target.number()).isEqualTo("030123456");
        DialTarget global = DialTarget.of(number("tel:+4930123456"), DialPlan.NONE, "example.com");
        assertThat(global.uri()).isEqualTo("sip:+4930123456@example.com;user=phone");
        assertThat(global.address().toString()).isEqualTo("sip:+4930123456@example.com");
        assertThat(DialTarget.of(number("tel:*21#"), GERMANY, "example.com").uri())
                .isEqualTo("sip:*21%23@example.com");
    }

    @Test
    void theCoreReadsTheUserPhoneUriAsTheAddressItCalls() {
        DialTarget global = DialTarget.of(number("tel:+4930123456"), DialPlan.NONE, "example.com");
        assertThat(SipAddress.parse(global.uri())).isEqualTo(global.address());
    }

    private static DialRequest.Number number(String link) {
        DialRequest r = DialUri.parse(link);
        assertThat(r).as(link).isInstanceOf(DialRequest.Number.class);
        return (DialRequest.Number) r;
    }
}
