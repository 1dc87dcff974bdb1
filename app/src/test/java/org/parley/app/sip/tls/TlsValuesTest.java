package org.parley.app.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.sip.SipException;
import org.junit.jupiter.api.Test;

/** Fingerprints, TlsTrust, CertificateRejections and TlsFailure without network. */
class TlsValuesTest {
    private static final String FP = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
            + "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @Test
    void fingerprintsAreNormalized() {
        assertThat(Fingerprints.normalize(FP.toLowerCase())).isEqualTo(FP);
        assertThat(Fingerprints.normalize(FP.replace(":", ""))).isEqualTo(FP);
        assertThat(Fingerprints.normalize(" " + FP.replace(":", " ") + " ")).isEqualTo(FP);
        assertThatThrownBy(() -> Fingerprints.normalize("AB:CD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fingerprints.normalize(FP.replace('A', 'G'))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fingerprints.normalize(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tlsTrustIsAValueThatHidesItsPassword() {
        char[] pw = "secret".toCharArray();
        TlsTrust a = TlsTrust.trustStore(Path.of("/x.p12"), pw).withPin(FP.toLowerCase());
        pw[0] = 'X';
        TlsTrust b = TlsTrust.trustStore(Path.of("/x.p12"), "secret".toCharArray()).withPin(FP);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.pinnedSha256()).containsExactly(FP);
        assertThat(a.toString()).doesNotContain("secret");
        a.trustStorePassword()[0] = 'Y';
        assertThat(a.trustStorePassword()).containsExactly("secret".toCharArray());
        assertThat(a.withSystemDefaults(true).useSystemDefaults()).isTrue();
        assertThat(TlsTrust.nothing().pinnedSha256()).isEmpty();
        assertThatThrownBy(() -> TlsTrust.pinned("nonsense")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TlsTrust(null, null, Set.of(), true)).isEqualTo(TlsTrust.systemDefaults());
    }

    @Test
    void rejectionsAreKeptPerServer() {
        CertificateRejections log = new CertificateRejections();
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        log.record(rejection("127.0.0.1", 5061, t0));
        log.record(rejection("sip.example.com", 5061, t0.plusSeconds(1)));
        assertThat(log.lookup("127.0.0.1", 5061)).isPresent();
        assertThat(log.lookup("[::1]", 5061)).isEmpty();
        assertThat(log.lookup("SIP.example.com.", 5061)).isPresent();
        assertThat(log.lookup("sip.example.com", 5062)).isEmpty();
        assertThat(log.lookup("sip.example.com", 5061, t0.plusSeconds(2))).isEmpty();
        assertThat(log.latest().orElseThrow().host()).isEqualTo("sip.example.com");
        log.clear("sip.example.com", 5061);
        assertThat(log.lookup("sip.example.com", 5061)).isEmpty();
        for (int i = 0; i < CertificateRejections.MAX_ENTRIES + 5; i++) {
            log.record(rejection("h" + i, 1, t0));
        }
        assertThat(log.all()).hasSize(CertificateRejections.MAX_ENTRIES);
    }

    @Test
    void handshakeFailuresAreRecognizedInCauseChains() {
        assertThat(TlsFailure.isHandshakeFailure(new SipException("IO Exception occured while Sending Request",
                new IOException("x", new SSLHandshakeException("No trusted certificate found"))))).isTrue();
        assertThat(TlsFailure.isHandshakeFailure(new SipException("x", new SocketException("Socket is closed"))))
                .isTrue();
        assertThat(TlsFailure.isHandshakeFailure(new SipException("x",
                new IOException("PKIX path building failed: ...")))).isTrue();
        assertThat(TlsFailure.isHandshakeFailure(new SipException("Could not connect to /127.0.0.1:5061",
                new ConnectException("Connection refused")))).isFalse();
        assertThat(TlsFailure.isHandshakeFailure(null)).isFalse();

        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b); // a cycle must not hang
        assertThat(TlsFailure.isHandshakeFailure(a)).isFalse();

        CertificateRejections log = new CertificateRejections();
        log.record(rejection("127.0.0.1", 5061, Instant.now()));
        SipException tls = new SipException("x", new SSLHandshakeException("refused"));
        assertThat(TlsFailure.rejectionFor(tls, log, "127.0.0.1", 5061, Instant.MIN)).isPresent();
        assertThat(TlsFailure.rejectionFor(new SipException("Could not connect"), log, "127.0.0.1", 5061,
                Instant.MIN)).isEmpty();
    }

    private static RejectedCertificate rejection(String host, int port, Instant at) {
        return new RejectedCertificate(HostNames.canonical(host), port, FP, "CN=x", "CN=x", at,
                RejectionReason.UNTRUSTED, at);
    }
}
