package org.parley.app.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the certificates a user chose to trust: a PEM/DER file of CA certificates (what IT departments hand
 * out) or a PKCS#12/JKS key store. Stateless and thread-safe.
 */
final class TrustFile {
    private TrustFile() {
    }

    /**
     * @throws IOException              when the file cannot be read, holds no certificate, or its password is wrong
     * @throws GeneralSecurityException when the format is not one of the above
     */
    static List<X509Certificate> certificates(Path file, char[] password) throws IOException, GeneralSecurityException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String start = new String(head, StandardCharsets.ISO_8859_1);
        List<X509Certificate> result = new ArrayList<>();
        if (start.contains("-----BEGIN") || (head.length > 0 && head[0] == 0x30 && !isKeyStore(file))) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    if (c instanceof X509Certificate x) {
                        result.add(x);
                    }
                }
            }
        } else {
            KeyStore store = KeyStore.getInstance(file.toFile(), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate x) {
                    result.add(x);
                }
            }
        }
        if (result.isEmpty()) {
            throw new IOException("The trust file " + file + " holds no certificate.");
        }
        return result;
    }

    private static boolean isKeyStore(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks");
    }
}
