package org.parley.app.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class FingerprintTlsTest {
    private final FingerprintTls alice = FingerprintTls.create();
    private final FingerprintTls bob = FingerprintTls.create();

    @Test
    void theFingerprintIsWrittenAndReadInSdpForm() {
        assertThat(alice.sdpFingerprint()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(FingerprintTls.sha256Of(alice.sdpFingerprint().toLowerCase())).contains(
                alice.sdpFingerprint().substring(8));
        assertThat(FingerprintTls.sha256Of("sha-1 AB:CD")).isEmpty();
        assertThat(FingerprintTls.sha256Of("sha-256 nonsense")).isEmpty();
    }

    @Test
    void bothSidesConnectWhenEachPinsTheOthersFingerprint() throws Exception {
        assertThat(handshake(peerOf(bob), peerOf(alice))).isEqualTo("TLSv1.3");
    }

    @Test
    void aClientPinningAnotherCertificateRefusesTheServer() {
        FingerprintTls mallory = FingerprintTls.create();
        assertThatThrownBy(() -> handshake(peerOf(mallory), peerOf(alice))).isInstanceOf(SSLException.class);
    }

    @Test
    void aServerPinningAnotherCertificateRefusesTheClient() {
        FingerprintTls mallory = FingerprintTls.create();
        assertThatThrownBy(() -> handshake(peerOf(bob), peerOf(mallory))).isInstanceOf(IOException.class);
    }

    private static String peerOf(FingerprintTls tls) {
        return FingerprintTls.sha256Of(tls.sdpFingerprint()).orElseThrow();
    }

    /** Alice connects to Bob's server; each pins the given fingerprint. Returns the protocol Alice negotiated. */
    private String handshake(String alicePins, String bobPins) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) bob.context(bobPins).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    s.getOutputStream().write(1);
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // the client sees the failure too
                }
            });
            try (SSLSocket client = (SSLSocket) alice.context(alicePins).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setSoTimeout(5000);
                client.startHandshake();
                int read = client.getInputStream().read(); // TLS 1.3: a refused client certificate shows here
                if (read != 1) {
                    throw new IOException("the server closed the connection");
                }
                return client.getSession().getProtocol();
            } finally {
                accepted.get(5, TimeUnit.SECONDS);
            }
        }
    }
}
