package org.parley.app.testsupport.kamailio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KamailioExtensionTest {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @Test
    void answersOptionsOverUdp() {
        Optional<SipUdp.Response> reply = SipUdp.options(kamailio.host(), kamailio.udpPort(), REPLY_TIMEOUT);

        assertThat(reply).map(SipUdp.Response::status).hasValue(200);
        assertThat(kamailio.tcpPort()).isEqualTo(kamailio.udpPort());
        assertThat(kamailio.tlsPort()).isNotEqualTo(kamailio.udpPort());
    }

    @Test
    void challengesRegisterWithAnMd5Digest() {
        SipUdp.Response reply = register(kamailio.server(), "alice", null, true);

        assertThat(reply.status()).isEqualTo(401);
        String challenge = reply.header("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Digest ").contains("realm=\"127.0.0.1\"", "qop=\"auth\"");
        assertThat(digestParameters(challenge).getOrDefault("algorithm", "MD5")).isEqualTo("MD5");
        assertThat(kamailio.algorithm()).isEqualTo("MD5");
    }

    @Test
    void acceptsTheDefaultUsersAndUsersAddedAtTestTime() {
        assertThat(register(kamailio.server(), "bob", "bobpw", true).status()).isEqualTo(200);
        assertThat(register(kamailio.server(), "bob", "wrong", true).status()).isEqualTo(401);
        assertThat(register(kamailio.server(), "erin", "erinpw", true).status()).isEqualTo(401);

        kamailio.addUser("erin", "erinpw");

        assertThat(register(kamailio.server(), "erin", "erinpw", true).status()).isEqualTo(200);
    }

    @Test
    void storesMessagesForKnownOfflineUsersAndRejectsUnknownUsers() {
        assertThat(message(kamailio.server(), "alice", "alicepw", "dave", "see you").status()).isEqualTo(202);
        assertThat(message(kamailio.server(), "alice", "alicepw", "nobody", "hello?").status()).isEqualTo(404);
        assertThat(message(kamailio.server(), "alice", null, "dave", "no credentials").status()).isEqualTo(407);
    }

    @Test
    void tlsHandshakeSucceedsWithTheGeneratedTrustStore() throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(kamailio.trustStorePath())) {
            trustStore.load(in, kamailio.trustStorePassword().toCharArray());
        }

        try (SSLSocket socket = tlsSocket(trustStore)) {
            socket.startHandshake();

            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(sha256(peer.getEncoded())).isEqualTo(kamailio.certificateSha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            try (InputStream pem = Files.newInputStream(kamailio.certificatePemPath())) {
                assertThat(CertificateFactory.getInstance("X.509").generateCertificate(pem)).isEqualTo(peer);
            }
        }
    }

    @Test
    void tlsHandshakeFailsWithAnEmptyTrustStore() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);

        try (SSLSocket socket = tlsSocket(empty)) {
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLException.class);
        }
    }

    @Test
    void restartKeepsThePortsAndForgetsRegistrations() {
        int udp = kamailio.udpPort();
        int tls = kamailio.tlsPort();
        assertThat(register(kamailio.server(), "carol", "carolpw", true).status()).isEqualTo(200);
        assertThat(register(kamailio.server(), "carol", "carolpw", false).header("Contact")).isPresent();

        kamailio.restart();

        assertThat(kamailio.udpPort()).isEqualTo(udp);
        assertThat(kamailio.tlsPort()).isEqualTo(tls);
        SipUdp.Response bindings = register(kamailio.server(), "carol", "carolpw", false);
        assertThat(bindings.status()).isEqualTo(200);
        assertThat(bindings.header("Contact")).isEmpty();
    }

    @Test
    void aStoppedServerAnswersNothingUntilStartedAgain() {
        kamailio.stop();
        try {
            assertThat(kamailio.server().isRunning()).isFalse();
            assertThat(SipUdp.options(kamailio.host(), kamailio.udpPort(), Duration.ofMillis(300))).isEmpty();
            assertThatThrownBy(() -> new Socket(kamailio.host(), kamailio.tlsPort()).close())
                    .isInstanceOf(ConnectException.class);
        } finally {
            kamailio.start();
        }

        assertThat(SipUdp.options(kamailio.host(), kamailio.udpPort(), REPLY_TIMEOUT))
                .map(SipUdp.Response::status).hasValue(200);
    }

    @Test
    void aMissingKamailioFailsWithTheInstallCommand(@TempDir Path dir) {
        KamailioServer.Builder builder = KamailioServer.builder().executable("kamailio-that-is-not-installed");

        assertThatThrownBy(() -> builder.build(dir))
                .hasMessageContaining("kamailio-that-is-not-installed")
                .hasMessageContaining("apt-get install -y --no-install-recommends kamailio kamailio-presence-modules");
    }

    @Nested
    class WithSha256 {

        @RegisterExtension
        static final KamailioExtension sha256 = KamailioExtension.sha256();

        @Test
        void challengesWithSha256AndAcceptsASha256Response() {
            SipUdp.Response challenge = register(sha256.server(), "dave", null, true);

            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.header("WWW-Authenticate").orElseThrow()).contains("algorithm=SHA-256");
            assertThat(sha256.algorithm()).isEqualTo("SHA-256");
            assertThat(register(sha256.server(), "dave", "davepw", true).status()).isEqualTo(200);
            assertThat(sha256.udpPort()).isNotEqualTo(kamailio.udpPort());
        }

        @Test
        void trustsOnlyItsOwnCertificate() throws Exception {
            assertThat(sha256.certificateSha256()).isNotEqualTo(kamailio.certificateSha256());
            KeyStore otherServersTrust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(sha256.trustStorePath())) {
                otherServersTrust.load(in, sha256.trustStorePassword().toCharArray());
            }

            try (SSLSocket socket = tlsSocket(otherServersTrust)) {
                assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("PKIX path building failed");
            }
        }
    }

    // ---- raw SIP over UDP -------------------------------------------------------------------

    /**
     * REGISTER for {@code user} (with a Contact if {@code withContact}; without one it only queries the
     * bindings); see {@link #authenticated}.
     */
    private static SipUdp.Response register(KamailioServer server, String user, String password, boolean withContact) {
        String contact = withContact ? "Contact: <sip:" + user + "@127.0.0.1:%d>;expires=600\r\n" : "";
        return authenticated(server, "REGISTER", "sip:" + server.domain() + ":" + server.udpPort(), user, user,
                password, contact, "");
    }

    private static SipUdp.Response message(KamailioServer server, String from, String password, String to, String text) {
        return authenticated(server, "MESSAGE", "sip:" + to + "@" + server.domain() + ":" + server.udpPort(), to, from,
                password, "Content-Type: text/plain\r\n", text);
    }

    /**
     * Sends a request from {@code user} to {@code toUser}; with a password, answers a 401/407 challenge
     * with the challenged algorithm and returns the final response, without one returns the challenge.
     * {@code headers} may contain one %d for the local port.
     */
    private static SipUdp.Response authenticated(KamailioServer server, String method, String uri, String toUser,
                                                 String user, String password, String headers, String body) {
        SipUdp.Response first = once(server, method, uri, toUser, user, headers, body);
        boolean proxy = first.status() == 407;
        if (password == null || (first.status() != 401 && !proxy)) {
            return first;
        }
        Map<String, String> challenge = digestParameters(
                first.header(proxy ? "Proxy-Authenticate" : "WWW-Authenticate").orElseThrow());
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        String cnonce = UUID.randomUUID().toString().substring(0, 8);
        String ha1 = hash(algorithm, user + ":" + challenge.get("realm") + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + challenge.get("nonce") + ":00000001:" + cnonce + ":auth:" + ha2);
        String authorization = (proxy ? "Proxy-Authorization" : "Authorization") + ": Digest username=\"" + user
                + "\", realm=\"" + challenge.get("realm") + "\", nonce=\"" + challenge.get("nonce") + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm + ", qop=auth, nc=00000001, cnonce=\""
                + cnonce + "\"\r\n";
        return once(server, method, uri, toUser, user, authorization + headers, body);
    }

    private static SipUdp.Response once(KamailioServer server, String method, String uri, String toUser, String user,
                                        String headers, String body) {
        String to = "<sip:" + toUser + "@" + server.domain() + ">";
        return SipUdp.exchange(server.host(), server.udpPort(), REPLY_TIMEOUT, localPort -> SipUdp.request(method, uri,
                        user, server.domain(), to, localPort, headers.replace("%d", Integer.toString(localPort)), body))
                .orElseThrow(() -> new AssertionError("no reply to " + method + " " + uri));
    }

    private static Map<String, String> digestParameters(String challenge) {
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^\\s,]+))").matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        return parameters;
    }

    private static String hash(String algorithm, String text) {
        try {
            String jca = algorithm.equals("SHA-256") ? "SHA-256" : "MD5";
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] der) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    private static SSLSocket tlsSocket(KeyStore trustStore) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress(kamailio.host(), kamailio.tlsPort()), 3_000);
        socket.setSoTimeout(5_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the SAN must name 127.0.0.1
        socket.setSSLParameters(parameters);
        return socket;
    }
}
