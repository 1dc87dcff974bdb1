package org.parley.app.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HostnameCheckTest {
    private static X509Certificate names;
    private static X509Certificate addresses;
    private static X509Certificate cnOnly;

    @BeforeAll
    static void certificates() throws Exception {
        names = TestCertificates.selfSigned("ignored.example", List.of("sip.example.com", "*.voip.example.com",
                "*.com", "f*o.example.org", "xn--bcher-kva.example"), List.of()).certificate();
        addresses = TestCertificates.selfSigned("x", List.of("127.0.0.1"), List.of("127.0.0.1", "::1")).certificate();
        cnOnly = TestCertificates.selfSigned("sip.example.com", List.of(), List.of()).certificate();
    }

    @Test
    void exactNamesIgnoringCaseAndTrailingDot() {
        assertThat(HostnameCheck.matches(names, "sip.example.com")).isTrue();
        assertThat(HostnameCheck.matches(names, "SIP.Example.COM.")).isTrue();
        assertThat(HostnameCheck.matches(names, "example.com")).isFalse();
        assertThat(HostnameCheck.matches(names, "sip.example.com.evil")).isFalse();
        assertThat(HostnameCheck.matches(names, "b\u00fccher.example")).as("IDN").isTrue();
    }

    @Test
    void wildcardOnlyAsWholeLeftmostLabel() {
        assertThat(HostnameCheck.matches(names, "a.voip.example.com")).isTrue();
        assertThat(HostnameCheck.matches(names, "voip.example.com")).isFalse();
        assertThat(HostnameCheck.matches(names, "a.b.voip.example.com")).isFalse();
        assertThat(HostnameCheck.matches(names, "anything.com")).as("*.com").isFalse();
        assertThat(HostnameCheck.matches(names, "foo.example.org")).as("partial wildcard").isFalse();
    }

    @Test
    void ipLiteralsNeedAnIpSan() {
        assertThat(HostnameCheck.matches(addresses, "127.0.0.1")).isTrue();
        assertThat(HostnameCheck.matches(addresses, "::1")).isTrue();
        assertThat(HostnameCheck.matches(addresses, "[0:0:0:0:0:0:0:1]")).isTrue();
        assertThat(HostnameCheck.matches(addresses, "127.0.0.2")).isFalse();
        // A dNSName "127.0.0.1" never vouches for the address.
        assertThat(HostnameCheck.matches(names, "127.0.0.1")).isFalse();
        assertThat(HostnameCheck.matches(names, "[::1]")).isFalse();
    }

    @Test
    void subjectCnIsNotUsed() {
        assertThat(HostnameCheck.matches(cnOnly, "sip.example.com")).isFalse();
    }

    @Test
    void nonsenseHostsDoNotMatch() {
        assertThat(HostnameCheck.matches(names, null)).isFalse();
        assertThat(HostnameCheck.matches(names, "")).isFalse();
        assertThat(HostnameCheck.matches(names, " ")).isFalse();
        assertThat(HostnameCheck.matches(null, "sip.example.com")).isFalse();
    }

    @Test
    void literalDetectionNeverResolvesNames() {
        assertThat(HostNames.literal("127.0.0.1")).isPresent();
        assertThat(HostNames.literal("[::1]")).isPresent();
        assertThat(HostNames.literal("fe80::1%1")).isPresent();
        assertThat(HostNames.literal("localhost")).isEmpty();
        assertThat(HostNames.literal("1.2.3")).isEmpty();
        assertThat(HostNames.literal("256.1.1.1")).isEmpty();
        assertThat(HostNames.literal("g::1")).isEmpty();
        assertThat(HostNames.canonical("0:0:0:0:0:0:0:1")).isEqualTo(HostNames.canonical("[::1]"));
        assertThat(HostNames.canonical("Sip.Example.COM.")).isEqualTo("sip.example.com");
    }
}
