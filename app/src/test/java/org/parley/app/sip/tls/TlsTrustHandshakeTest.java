package org.parley.app.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handshakes through {@link ParleyNetworkLayer} (as jain-sip drives it) against a TLS server with
 * certificates made at test time.
 */
class TlsTrustHandshakeTest {
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static TestCertificates.Identity good;

    @TempDir
    Path dir;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void certificates() throws Exception {
        good = TestCertificates.selfSigned("127.0.0.1", List.of("localhost"), List.of("127.0.0.1"));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @Test
    void trustStoreAnchorIsAcceptedWithTls13() throws Exception {
        TlsTestServer server = server(good);
        SipStackTls tls = tls(TlsTrust.trustStore(store("PKCS12", good), PASSWORD));
        SSLSocket s = handshake(tls, ip(), server.port());
        assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(tls.rejections().all()).isEmpty();
        assertThat(server.sniNames()).as("no SNI for IP literals").isEmpty();
    }

    @Test
    void jksTrustStoreWorksAndAWrongPasswordFailsEarly() throws Exception {
        TlsTestServer server = server(good);
        Path jks = store("JKS", good);
        handshake(tls(TlsTrust.trustStore(jks, PASSWORD)), ip(), server.port());
        assertThatThrownBy(() -> SipStackTls.create(TlsTrust.trustStore(jks, "wrong".toCharArray())))
                .isInstanceOf(IOException.class);
    }

    @Test
    void emptyTrustRejectsAndCapturesTheCertificate() throws Exception {
        TlsTestServer server = server(good);
        for (TlsTrust trust : List.of(TlsTrust.nothing(), TlsTrust.systemDefaults())) {
            SipStackTls tls = tls(trust);
            Instant before = Instant.now();
            Throwable failure = handshakeFailure(tls, ip(), server.port());
            RejectedCertificate r = tls.rejectionFor("127.0.0.1", server.port()).orElseThrow();
            assertThat(r.sha256Fingerprint()).isEqualTo(good.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(r.subject()).isEqualTo("CN=127.0.0.1,O=Parley Test");
            assertThat(r.reason()).isEqualTo(RejectionReason.UNTRUSTED);
            assertThat(r.describe()).contains("not trusted").contains(good.fingerprint());
            assertThat(TlsFailure.rejectionFor(failure, tls, "127.0.0.1", server.port())).contains(r);
            assertThat(TlsFailure.rejectionFor(failure, tls.rejections(), "127.0.0.1", server.port(), before))
                    .contains(r);
            assertThat(TlsFailure.rejectionFor(failure, tls, "127.0.0.1", server.port() + 1)).isEmpty();
        }
    }

    @Test
    void pinnedFingerprintIsAcceptedEvenForAnotherName() throws Exception {
        TlsTestServer server = server(good);
        String typedPin = good.fingerprint().replace(":", "").toLowerCase(Locale.ROOT);
        handshake(tls(TlsTrust.pinned(typedPin)), ip(), server.port());

        TestCertificates.Identity otherName = TestCertificates.selfSigned("other", List.of("other.example"), List.of());
        TlsTestServer other = server(otherName);
        handshake(tls(TlsTrust.pinned(otherName.fingerprint())), ip(), other.port());
    }

    @Test
    void wrongPinIsRejected() throws Exception {
        TlsTestServer server = server(good);
        TestCertificates.Identity someoneElse = TestCertificates.selfSigned("x", List.of(), List.of("127.0.0.1"));
        SipStackTls tls = tls(TlsTrust.pinned(someoneElse.fingerprint()));
        handshakeFailure(tls, ip(), server.port());
        assertThat(tls.rejectionFor("127.0.0.1", server.port()).orElseThrow().sha256Fingerprint())
                .isEqualTo(good.fingerprint());
    }

    @Test
    void trustedCertificateForAnotherHostIsRejected() throws Exception {
        TestCertificates.Identity otherIp = TestCertificates.selfSigned("127.0.0.2", List.of(), List.of("127.0.0.2"));
        TestCertificates.Identity otherDns = TestCertificates.selfSigned("o", List.of("other.example"), List.of());
        TestCertificates.Identity cnOnly = TestCertificates.selfSigned("127.0.0.1", List.of(), List.of());
        for (TestCertificates.Identity id : List.of(otherIp, otherDns, cnOnly)) {
            TlsTestServer server = server(id);
            SipStackTls tls = tls(TlsTrust.trustStore(store("PKCS12", id), PASSWORD));
            handshakeFailure(tls, ip(), server.port());
            assertThat(tls.rejectionFor("127.0.0.1", server.port()).orElseThrow().reason())
                    .isEqualTo(RejectionReason.HOSTNAME_MISMATCH);
        }
    }

    @Test
    void expiredOrNotYetValidIsRejectedEvenWhenPinned() throws Exception {
        Instant now = Instant.now();
        TestCertificates.Identity expired = TestCertificates.selfSigned("127.0.0.1", List.of(), List.of("127.0.0.1"),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        TestCertificates.Identity future = TestCertificates.selfSigned("127.0.0.1", List.of(), List.of("127.0.0.1"),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        TlsTestServer expiredServer = server(expired);
        TlsTestServer futureServer = server(future);

        SipStackTls pinned = tls(TlsTrust.pinned(expired.fingerprint()).withPin(future.fingerprint()));
        handshakeFailure(pinned, ip(), expiredServer.port());
        assertThat(pinned.rejectionFor("127.0.0.1", expiredServer.port()).orElseThrow().reason())
                .isEqualTo(RejectionReason.EXPIRED);
        handshakeFailure(pinned, ip(), futureServer.port());
        assertThat(pinned.rejectionFor("127.0.0.1", futureServer.port()).orElseThrow().reason())
                .isEqualTo(RejectionReason.NOT_YET_VALID);

        SipStackTls stored = tls(TlsTrust.trustStore(store("PKCS12", expired), PASSWORD));
        handshakeFailure(stored, ip(), expiredServer.port());
        assertThat(stored.rejectionFor("127.0.0.1", expiredServer.port()).orElseThrow().reason())
                .isEqualTo(RejectionReason.EXPIRED);
    }

    @Test
    void hostNamesAreVerifiedAndSentAsSni() throws Exception {
        TestCertificates.Identity named = TestCertificates.selfSigned("sip.example.test", List.of("sip.example.test"),
                List.of());
        TestCertificates.Identity wildcard = TestCertificates.selfSigned("wild", List.of("*.example.test"), List.of());
        InetAddress sipExample = InetAddress.getByAddress("sip.example.test", new byte[] {127, 0, 0, 1});

        TlsTestServer server = server(named);
        SipStackTls tls = tls(TlsTrust.trustStore(store("PKCS12", named, wildcard), PASSWORD));
        handshake(tls, sipExample, server.port());
        // The server thread records the name after its side of the handshake, which may end after ours.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !server.sniNames().isEmpty());
        assertThat(server.sniNames()).containsExactly("sip.example.test");
        // The same certificate reached by IP literal does not match.
        handshakeFailure(tls, ip(), server.port());
        assertThat(tls.rejectionFor("127.0.0.1", server.port()).orElseThrow().reason())
                .isEqualTo(RejectionReason.HOSTNAME_MISMATCH);

        TlsTestServer wildServer = server(wildcard);
        handshake(tls, sipExample, wildServer.port());
        handshakeFailure(tls, InetAddress.getByAddress("a.b.example.test", new byte[] {127, 0, 0, 1}),
                wildServer.port());
        assertThat(tls.rejectionFor("A.B.Example.Test.", wildServer.port())).isPresent();
    }

    @Test
    void successClearsAnEarlierRejection() throws Exception {
        TestCertificates.Identity impostor = TestCertificates.selfSigned("127.0.0.1", List.of(), List.of("127.0.0.1"));
        TlsTestServer server = server(impostor);
        SipStackTls tls = tls(TlsTrust.pinned(good.fingerprint()));
        handshakeFailure(tls, ip(), server.port());
        assertThat(tls.rejectionFor("127.0.0.1", server.port()).orElseThrow().sha256Fingerprint())
                .isEqualTo(impostor.fingerprint());

        server.present(good);
        handshake(tls, ip(), server.port());
        assertThat(tls.rejectionFor("127.0.0.1", server.port())).isEmpty();
    }

    @Test
    void twoStacksInOneJvmKeepTheirOwnTrust() throws Exception {
        TlsTestServer server = server(good);
        SipStackTls alice = tls(TlsTrust.pinned(good.fingerprint()));
        SipStackTls bob = tls(TlsTrust.nothing());
        SipStackImpl aliceStack = stack(alice);
        SipStackImpl bobStack = stack(bob);
        handshake(aliceStack, ip(), server.port());
        assertThatThrownBy(() -> handshake(bobStack, ip(), server.port())).isInstanceOf(SSLHandshakeException.class);
        assertThat(alice.rejections().all()).isEmpty();
        assertThat(bob.rejections().all()).hasSize(1);
    }

    @Test
    void stackWithoutRegisteredContextRefusesTls() throws Exception {
        SipStackTls tls = SipStackTls.create(TlsTrust.pinned(good.fingerprint()));
        Properties p = tls.applyTo(new Properties());
        tls.close(); // unregistered before the stack looks it up
        p.setProperty("javax.sip.STACK_NAME", "tls-unregistered-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        SipStackImpl stack = new SipStackImpl(p);
        cleanup.add(stack::stop);
        TlsTestServer server = server(good);
        assertThatThrownBy(() -> stack.getNetworkLayer().createSSLSocket(ip(), server.port(), null))
                .isInstanceOf(IOException.class).hasMessageContaining("not configured");
    }

    @Test
    void stackPolicyIsRestrictedAndHandshakeTimeoutSet() throws Exception {
        SipStackTls tls = tls(TlsTrust.pinned(good.fingerprint()));
        Properties p = tls.applyTo(new Properties());
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1,TLSv1.1,TLSv1.2");
        p.remove("gov.nist.javax.sip.ENABLED_CIPHER_SUITES"); // jain-sip's outdated default list
        p.remove("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT");
        p.setProperty("javax.sip.STACK_NAME", "tls-policy-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        SipStackImpl stack = new SipStackImpl(p);
        cleanup.add(stack::stop);
        assertThat(stack.getSslHandshakeTimeout()).isEqualTo(SipStackTls.DEFAULT_HANDSHAKE_TIMEOUT.toMillis());
        TlsTestServer server = server(good);
        SSLSocket s = handshake(stack, ip(), server.port());
        assertThat(stack.getEnabledProtocols()).containsExactly("TLSv1.2");
        assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
        assertThat(List.of(stack.getEnabledCipherSuites())).noneMatch(c -> c.contains("3DES") || c.contains("_RC4_"));
    }

    // ---- helpers ----

    private TlsTestServer server(TestCertificates.Identity identity) throws Exception {
        TlsTestServer s = TlsTestServer.start(identity, false);
        cleanup.add(s);
        return s;
    }

    private SipStackTls tls(TlsTrust trust) throws Exception {
        SipStackTls t = SipStackTls.create(trust);
        cleanup.add(t);
        return t;
    }

    private Path store(String type, TestCertificates.Identity... ids) throws Exception {
        return TestCertificates.trustStore(dir, type, PASSWORD,
                java.util.Arrays.stream(ids).map(TestCertificates.Identity::certificate)
                        .toArray(java.security.cert.X509Certificate[]::new));
    }

    private SipStackImpl stack(SipStackTls tls) throws Exception {
        Properties p = tls.applyTo(new Properties());
        p.setProperty("javax.sip.STACK_NAME", "tls-test-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        SipStackImpl stack = new SipStackImpl(p);
        cleanup.add(0, stack::stop);
        return stack;
    }

    private SSLSocket handshake(SipStackTls tls, InetAddress address, int port) throws Exception {
        return handshake(stack(tls), address, port);
    }

    /** What jain-sip's IOHandler does with a new TLS socket. */
    private SSLSocket handshake(SipStackImpl stack, InetAddress address, int port) throws Exception {
        SSLSocket s = stack.getNetworkLayer().createSSLSocket(address, port, null);
        cleanup.add(s);
        s.setEnabledProtocols(stack.getEnabledProtocols());
        s.setEnabledCipherSuites(stack.getEnabledCipherSuites());
        s.startHandshake();
        return s;
    }

    private Throwable handshakeFailure(SipStackTls tls, InetAddress address, int port) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                handshake(tls, address, port);
            } catch (Exception e) {
                failure[0] = e;
                throw e;
            }
        }).isInstanceOf(SSLHandshakeException.class);
        assertThat(TlsFailure.isHandshakeFailure(failure[0])).isTrue();
        return failure[0];
    }

    private static InetAddress ip() throws Exception {
        return InetAddress.getByName("127.0.0.1");
    }
}
