package org.parley.app.sip.tls;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed test certificates made with bcpkix at test time. */
final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /** A key and its self-signed certificate. */
    record Identity(KeyPair keys, X509Certificate certificate) {
        String fingerprint() {
            return Fingerprints.sha256(certificate);
        }

        KeyManager[] keyManagers() throws Exception {
            char[] pw = "test".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keys.getPrivate(), pw, new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            return kmf.getKeyManagers();
        }
    }

    /** Valid from an hour ago for a day. */
    static Identity selfSigned(String cn, List<String> dnsNames, List<String> ipAddresses) throws Exception {
        Instant now = Instant.now();
        return selfSigned(cn, dnsNames, ipAddresses, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }

    static Identity selfSigned(String cn, List<String> dnsNames, List<String> ipAddresses, Instant notBefore,
                               Instant notAfter) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("O=Parley Test, CN=" + cn);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        List<GeneralName> sans = new ArrayList<>();
        dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
        ipAddresses.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
        if (!sans.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(sans.toArray(GeneralName[]::new)));
        }
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return new Identity(keys, certificate);
    }

    /** A trust store file ("PKCS12" or "JKS") holding {@code certificates} as trusted entries. */
    static Path trustStore(Path dir, String type, char[] password, X509Certificate... certificates) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            ks.setCertificateEntry("ca" + i, certificates[i]);
        }
        Path file = Files.createTempFile(dir, "trust", "." + type.toLowerCase());
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
        return file;
    }
}
