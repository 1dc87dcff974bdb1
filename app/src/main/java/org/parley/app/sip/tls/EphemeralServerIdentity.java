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
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and self-signed certificate of Parley's own TLS listening point. jain-sip needs a TLS listening
 * point to send over TLS at all, and its server socket needs a key; Parley does not expect inbound TLS
 * (servers send requests back over Parley's own outgoing connection), so the identity is a throw-away
 * EC P-256 key made once per JVM, never stored, and nobody is expected to trust it.
 *
 * <p>Thread-safe: created lazily once (class holder idiom), immutable afterwards.
 */
final class EphemeralServerIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(EphemeralServerIdentity.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private EphemeralServerIdentity() {
    }

    private static final class Holder {
        static final KeyManager[] KEY_MANAGERS = create();
    }

    /** Key managers holding the ephemeral key; the same instances for every stack in this JVM. */
    static KeyManager[] keyManagers() {
        return Holder.KEY_MANAGERS.clone();
    }

    private static KeyManager[] create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Parley ephemeral SIP listener");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM),
                            Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))),
                            name, pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            // In memory only: a random password just satisfies the key store API.
            byte[] secret = new byte[16];
            RANDOM.nextBytes(secret);
            char[] password = HexFormat.of().formatHex(secret).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("parley", pair.getPrivate(), password, new X509Certificate[] {certificate});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            LOG.debug("Ephemeral TLS listener certificate SHA-256 {}", Fingerprints.sha256(certificate));
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create the ephemeral TLS listener key", e);
        }
    }
}
