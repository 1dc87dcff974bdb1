package org.parley.app.sip.tls;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which server certificates one account (one SIP stack) trusts. Parley never trusts everything: a chain is
 * accepted when it leads to an anchor of the chosen trust store or of the JVM's default trust (if
 * {@code useSystemDefaults}), or when its leaf certificate's SHA-256 fingerprint is pinned.
 *
 * <p>Immutable value: the password is copied in and out; pins are kept in canonical form
 * ({@link Fingerprints#normalize}).
 *
 * @param trustStore         a PKCS#12 or JKS file the user chose, or null
 * @param trustStorePassword its password (null when none)
 * @param pinnedSha256       fingerprints of server certificates the user accepted after seeing them
 * @param useSystemDefaults  also trust the JVM's default CA certificates
 */
public record TlsTrust(Path trustStore, char[] trustStorePassword, Set<String> pinnedSha256,
                       boolean useSystemDefaults) {

    public TlsTrust {
        trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
        Set<String> pins = new HashSet<>();
        for (String pin : Objects.requireNonNull(pinnedSha256, "pinnedSha256")) {
            pins.add(Fingerprints.normalize(pin));
        }
        pinnedSha256 = Set.copyOf(pins);
    }

    /** Only the JVM's default CA certificates. */
    public static TlsTrust systemDefaults() {
        return new TlsTrust(null, null, Set.of(), true);
    }

    /** Only the anchors of {@code file} (PKCS#12 or JKS, detected from the content). */
    public static TlsTrust trustStore(Path file, char[] password) {
        return new TlsTrust(Objects.requireNonNull(file, "file"), password, Set.of(), false);
    }

    /** Only the one server certificate with this SHA-256 fingerprint. */
    public static TlsTrust pinned(String sha256Fingerprint) {
        return new TlsTrust(null, null, Set.of(sha256Fingerprint), false);
    }

    /** Trusts nothing at all (every certificate is rejected and captured for the user to decide). */
    public static TlsTrust nothing() {
        return new TlsTrust(null, null, Set.of(), false);
    }

    /** A copy that also accepts the certificate with this fingerprint. */
    public TlsTrust withPin(String sha256Fingerprint) {
        Set<String> pins = new HashSet<>(pinnedSha256);
        pins.add(sha256Fingerprint);
        return new TlsTrust(trustStore, trustStorePassword, pins, useSystemDefaults);
    }

    public TlsTrust withSystemDefaults(boolean use) {
        return new TlsTrust(trustStore, trustStorePassword, pinnedSha256, use);
    }

    public TlsTrust withTrustStore(Path file, char[] password) {
        return new TlsTrust(file, password, pinnedSha256, useSystemDefaults);
    }

    /** A copy of the password (null when none). */
    @Override
    public char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsTrust t && Objects.equals(trustStore, t.trustStore)
                && Arrays.equals(trustStorePassword, t.trustStorePassword)
                && pinnedSha256.equals(t.pinnedSha256) && useSystemDefaults == t.useSystemDefaults;
    }

    @Override
    public int hashCode() {
        return Objects.hash(trustStore, Arrays.hashCode(trustStorePassword), pinnedSha256, useSystemDefaults);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "TlsTrust[trustStore=" + trustStore + ", pins=" + pinnedSha256.size()
                + ", systemDefaults=" + useSystemDefaults + "]";
    }
}
