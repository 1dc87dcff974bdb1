package org.parley.app.sip.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 certificate fingerprints in the form users see and pin: upper-case hex pairs separated by colons,
 * e.g. {@code AB:CD:…} (32 pairs). Pure functions, thread-safe.
 */
public final class Fingerprints {
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {
    }

    /** SHA-256 over the DER encoding of {@code certificate}. */
    public static String sha256(X509Certificate certificate) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be encoded", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime lacks SHA-256", e);
        }
    }

    /**
     * Canonical form of a SHA-256 fingerprint typed or pasted in any usual way: with or without colons,
     * spaces or dashes, any case.
     *
     * @throws IllegalArgumentException when it is not 32 bytes of hex
     */
    public static String normalize(String fingerprint) {
        if (fingerprint == null) {
            throw new IllegalArgumentException("No fingerprint");
        }
        String hex = fingerprint.replaceAll("[\\s:\\-]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256 fingerprint (64 hex digits): " + fingerprint);
        }
        return COLON_HEX.formatHex(HexFormat.of().parseHex(hex));
    }
}
