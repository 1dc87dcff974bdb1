package org.parley.app.testsupport.kamailio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A self-signed TLS server certificate for one test server (SAN IP:127.0.0.1 and DNS:localhost),
 * made with openssl at test time, plus a PKCS#12 trust store that contains only it.
 * <p>
 * Every certificate is new (own serial, subject and fingerprint); the RSA key behind them is made
 * once per JVM, because RSA key generation costs 50-500 ms. The subject carries a random OU so that
 * one server's trust store never validates another server's certificate (same key, same name would).
 */
final class ServerCertificate {

    static final String TRUST_STORE_PASSWORD = "parley-test";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static byte[] sharedKeyPem;

    private final Path certificateFile;
    private final Path keyFile;
    private final Path trustStore;
    private final X509Certificate certificate;

    private ServerCertificate(Path certificateFile, Path keyFile, Path trustStore, X509Certificate certificate) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.trustStore = trustStore;
        this.certificate = certificate;
    }

    /** Writes server.key, server.crt and truststore.p12 into {@code dir} (created if needed). */
    static ServerCertificate create(Path dir) {
        Path openssl = HostTools.require("openssl");
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve("server.key");
            writeKey(openssl, key);
            Path crt = dir.resolve("server.crt");
            HostTools.run(dir, "", TIMEOUT, openssl.toString(), "req", "-x509", "-new", "-key", key.toString(),
                    "-out", crt.toString(), "-days", "30", "-subj", "/CN=localhost/OU=parley-test-" + UUID.randomUUID(),
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
            X509Certificate certificate;
            try (InputStream in = Files.newInputStream(crt)) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            Path trustStore = dir.resolve("truststore.p12");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("parley-test-kamailio", certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                store.store(out, TRUST_STORE_PASSWORD.toCharArray());
            }
            return new ServerCertificate(crt, key, trustStore, certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not make the test TLS certificate in " + dir, e);
        }
    }

    private static synchronized void writeKey(Path openssl, Path key) throws IOException {
        if (sharedKeyPem == null) {
            HostTools.run(key.getParent(), "", TIMEOUT, openssl.toString(), "genpkey", "-algorithm", "RSA",
                    "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
            sharedKeyPem = Files.readAllBytes(key);
        } else {
            Files.write(key, sharedKeyPem);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    Path certificateFile() {
        return certificateFile;
    }

    Path keyFile() {
        return keyFile;
    }

    /** PKCS#12, password {@link #TRUST_STORE_PASSWORD}, one trusted-certificate entry. */
    Path trustStore() {
        return trustStore;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the DER encoding as colon-separated upper-case hex ("AB:01:..."). */
    String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
