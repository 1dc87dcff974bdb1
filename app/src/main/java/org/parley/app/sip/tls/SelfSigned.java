package org.parley.app.sip.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away EC P-256 key and its self-signed certificate, in an in-memory PKCS#12 store under a random
 * password (the key store API wants one). Never written to disk. Immutable.
 *
 * @param certificate the certificate (valid from an hour ago, for {@code validity})
 * @param keys        the store holding the key under the alias {@code "key"}
 * @param password    the store's and the key's password
 */
record SelfSigned(X509Certificate certificate, KeyStore keys, char[] password) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Makes a fresh identity named {@code CN=commonName}. */
    static SelfSigned create(String commonName, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM),
                            Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)),
                            name, pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            byte[] secret = new byte[16];
            RANDOM.nextBytes(secret);
            char[] password = HexFormat.of().formatHex(secret).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", pair.getPrivate(), password, new X509Certificate[] {certificate});
            return new SelfSigned(certificate, store, password);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create a TLS key", e);
        }
    }
}
