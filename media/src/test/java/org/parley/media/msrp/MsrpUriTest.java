package org.parley.media.msrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MsrpUriTest {
  @Test
  void parsesTheRfcExampleUri() throws Exception {
    MsrpUri uri = MsrpUri.parse("msrp://atlanta.example.com:7654/jshA7weztas;tcp");
    assertThat(uri.secure()).isFalse();
    assertThat(uri.host()).isEqualTo("atlanta.example.com");
    assertThat(uri.port()).isEqualTo(7654);
    assertThat(uri.sessionId()).isEqualTo("jshA7weztas");
    assertThat(uri.transport()).isEqualTo("tcp");
    assertThat(uri).hasToString("msrp://atlanta.example.com:7654/jshA7weztas;tcp");
  }

  @Test
  void parsesSecureIpv6UserinfoAndParameters() throws Exception {
    MsrpUri uri = MsrpUri.parse("msrps://bob@[2001:db8::1]:9000/a+b=c/d;tcp;foo=bar");
    assertThat(uri.secure()).isTrue();
    assertThat(uri.userinfo()).isEqualTo("bob");
    assertThat(uri.host()).isEqualTo("[2001:db8::1]");
    assertThat(uri.sessionId()).isEqualTo("a+b=c/d");
    assertThat(uri.parameters()).containsExactly("foo=bar");
    assertThat(MsrpUri.parse(uri.toString())).isEqualTo(uri);
  }

  @Test
  void comparisonIgnoresHostCaseSchemeCaseTransportCaseAndUserinfo() throws Exception {
    MsrpUri a = MsrpUri.parse("msrp://alice@Atlanta.Example.COM:7654/jshA7weztas;TCP");
    MsrpUri b = MsrpUri.parse("MSRP://atlanta.example.com:7654/jshA7weztas;tcp;x=y");
    assertThat(a.matches(b)).isTrue();
  }

  @Test
  void comparisonIsCaseSensitiveForTheSessionId() throws Exception {
    MsrpUri a = MsrpUri.parse("msrp://h:7654/jshA7weztas;tcp");
    MsrpUri b = MsrpUri.parse("msrp://h:7654/JSHA7WEZTAS;tcp");
    assertThat(a.matches(b)).isFalse();
  }

  @Test
  void comparisonDistinguishesSchemePortAndTransport() throws Exception {
    MsrpUri a = MsrpUri.parse("msrp://h:2855/s;tcp");
    assertThat(a.matches(MsrpUri.parse("msrps://h:2855/s;tcp"))).isFalse();
    assertThat(a.matches(MsrpUri.parse("msrp://h:2856/s;tcp"))).isFalse();
    assertThat(a.matches(MsrpUri.parse("msrp://h:2855/s;ws"))).isFalse();
    assertThat(a.matches(MsrpUri.parse("msrp://h/s;tcp"))).as("absent port is 2855").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sip:bob@example.com", "http://h:1/s;tcp", "msrp://h:1/s", "msrp://:1/s;tcp",
      "msrp://h:0/s;tcp", "msrp://h:70000/s;tcp", "msrp://h:1/;tcp", "msrp://h:1/s s;tcp",
      "msrp://h:1/s;", "msrp://h:x/s;tcp", "msrp://h<:1/s;tcp", "msrp://[zz]:1/s;tcp",
      "msrp://h:1/s\u00e9;tcp", "msrp://h:1/s;tcp;"})
  void rejectsMalformedUris(String text) {
    assertThatThrownBy(() -> MsrpUri.parse(text)).isInstanceOf(MsrpProtocolException.class);
  }

  @Test
  void localUrisGetDistinctRandomSessionIds() {
    MsrpUri a = MsrpUri.local(false, "127.0.0.1", 5000);
    MsrpUri b = MsrpUri.local(false, "127.0.0.1", 5000);
    assertThat(a.sessionId()).hasSize(20).isNotEqualTo(b.sessionId());
  }

  @Property
  void formatThenParseGivesTheSameUri(@ForAll boolean secure,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String host,
      @ForAll @IntRange(min = 1, max = 65535) int port,
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String session) throws Exception {
    MsrpUri uri = new MsrpUri(secure, "", host, port, session, "tcp", java.util.List.of());
    MsrpUri parsed = MsrpUri.parse(uri.toString());
    assertThat(parsed).isEqualTo(uri);
    assertThat(parsed.matches(uri)).isTrue();
  }
}
