package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.app.SipAddress;
import org.parley.app.Transport;

/** Validation tables of {@code account add} input; every refusal is exit code 2 with a sentence. */
class AccountInputTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "sip:alice@example.com,        sip:alice@example.com",
        "alice@example.com,            sip:alice@example.com",
        "SIP:alice@Example.COM,        sip:alice@example.com",
        "sips:alice@example.com,       sips:alice@example.com",
        "sip:alice@127.0.0.1,          sip:alice@127.0.0.1",
        "sip:alice@[::1],              sip:alice@[::1]",
        "sip:alice@example.com:5070,   sip:alice@example.com:5070",
        "<sip:alice@example.com>,      sip:alice@example.com",
        "'  sip:a.b-c_d@example.com ', sip:a.b-c_d@example.com",
    })
    void valid_addresses_are_normalised(String input, String expected) {
        assertThat(AccountInput.aor(input).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'',                                  The address is empty",
        "alice,                               is not a SIP address",
        "tel:+4930123,                        is not a SIP address",
        "sip:@example.com,                    is not a SIP address",
        "sip:alice@,                          is not a SIP address",
        "sip:alice smith@example.com,         invalid user part",
        "http://alice@example.com,            invalid user part",
        "sip:alice@exa mple.com,              invalid host part",
        "sip:alice@example.com;transport=tcp, invalid host part",
        "sip:alice@example.com:0,             invalid port",
        "sip:alice@example.com:99999,         invalid port",
        "sip:alice@example.com:http,          invalid port",
    })
    void invalid_addresses_are_refused_with_a_reason(String input, String reason) {
        assertThatThrownBy(() -> AccountInput.aor(input))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "proxy.example.com,       proxy.example.com",
        "Proxy.Example.com:5080,  proxy.example.com:5080",
        "127.0.0.1:5060,          127.0.0.1:5060",
        "[::1],                   [::1]",
        "[2001:db8::1]:5061,      [2001:db8::1]:5061",
    })
    void valid_proxies(String input, String expected) {
        assertThat(AccountInput.proxy(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "proxy:0,              must be a number from 1 to 65535",
        "proxy:65536,          must be a number from 1 to 65535",
        "proxy:-1,             must be a number from 1 to 65535",
        "proxy:,               must be a number from 1 to 65535",
        "::1,                  write an IPv6 address in brackets",
        "[::1,                 unclosed IPv6 bracket",
        "[::1]5060,            must be HOST[:PORT]",
        "sip:proxy.example.com, without sip:",
        "-bad-.example.com,    invalid host name",
        "exa mple.com,         invalid host name",
    })
    void invalid_proxies(String input, String reason) {
        assertThatThrownBy(() -> AccountInput.proxy(input)).isInstanceOf(CliException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0} for {1} -> {2}")
    @CsvSource({
        ",    sip:a@b,  UDP",
        ",    sips:a@b, TLS",
        "udp, sip:a@b,  UDP",
        "TCP, sip:a@b,  TCP",
        "tls, sip:a@b,  TLS",
        "Tls, sips:a@b, TLS",
    })
    void transports(String input, String aor, Transport expected) {
        assertThat(AccountInput.transport(input, SipAddress.parse(aor))).isEqualTo(expected);
    }

    @Test
    void bad_transports_are_refused() {
        assertThatThrownBy(() -> AccountInput.transport("sctp", SipAddress.parse("sip:a@b")))
                .isInstanceOf(CliException.class).hasMessageContaining("Unknown transport \"sctp\"");
        assertThatThrownBy(() -> AccountInput.transport("udp", SipAddress.parse("sips:a@b")))
                .isInstanceOf(CliException.class).hasMessageContaining("sips: address needs --transport tls");
    }

    @Test
    void expires_range() {
        assertThat(AccountInput.expires(60)).isEqualTo(60);
        assertThat(AccountInput.expires(86_400)).isEqualTo(86_400);
        assertThatThrownBy(() -> AccountInput.expires(59)).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> AccountInput.expires(86_401)).isInstanceOf(CliException.class);
    }

    @Test
    void pins_are_normalised_to_upper_case_colon_pairs() {
        String hex = "ab".repeat(32);
        String expected = String.join(":", java.util.Collections.nCopies(32, "AB"));

        assertThat(AccountInput.pin(hex)).isEqualTo(expected);
        assertThat(AccountInput.pin(expected.toLowerCase())).isEqualTo(expected);
        assertThatThrownBy(() -> AccountInput.pin("AB:CD")).isInstanceOf(CliException.class)
                .hasMessageContaining("SHA-256 fingerprint");
        assertThatThrownBy(() -> AccountInput.pin("zz".repeat(32))).isInstanceOf(CliException.class);
    }

    @Test
    void auth_user_defaults_to_the_user_part() {
        assertThat(AccountInput.authUser(null, SipAddress.parse("sip:alice@x"))).isEqualTo("alice");
        assertThat(AccountInput.authUser("a1", SipAddress.parse("sip:alice@x"))).isEqualTo("a1");
        assertThatThrownBy(() -> AccountInput.authUser("a b", SipAddress.parse("sip:alice@x")))
                .isInstanceOf(CliException.class);
    }

    @Test
    void trust_store_must_be_a_readable_store_with_certificates(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");

        assertThat(AccountInput.trustStore(cacerts, null)).isEqualTo(cacerts.toAbsolutePath().toString());
        assertThatThrownBy(() -> AccountInput.trustStore(dir.resolve("missing.p12"), null))
                .isInstanceOf(CliException.class).hasMessageContaining("is not a readable file");
        assertThatThrownBy(() -> AccountInput.trustStore(dir, null))
                .isInstanceOf(CliException.class).hasMessageContaining("is not a readable file");
    }
}
