package org.parley.app.sip.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server identity check of RFC 6125 / RFC 5922 against the subjectAltName of the leaf certificate, which
 * jain-sip does not do at all.
 *
 * <ul>
 *   <li>An IP literal host must equal an iPAddress SAN (never a dNSName, never a wildcard).</li>
 *   <li>A name must equal a dNSName SAN, case-insensitively and ignoring a trailing dot; a wildcard is only
 *       allowed as the whole left-most label ({@code *.example.com} matches {@code a.example.com}, not
 *       {@code example.com} nor {@code a.b.example.com}) and needs at least two labels after it.</li>
 *   <li>The subject CN is never used (a certificate without SANs matches nothing).</li>
 * </ul>
 * Pure functions, thread-safe.
 */
public final class HostnameCheck {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameCheck() {
    }

    /** Whether {@code certificate} is valid for {@code host} (a name or an IP literal). */
    public static boolean matches(X509Certificate certificate, String host) {
        if (certificate == null || host == null || host.isBlank()) {
            return false;
        }
        Collection<List<?>> sans;
        try {
            sans = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (sans == null) {
            return false;
        }
        Optional<InetAddress> ip = HostNames.literal(host);
        if (ip.isPresent()) {
            byte[] wanted = ip.get().getAddress();
            for (List<?> san : sans) {
                if (type(san) == SAN_IP && san.get(1) instanceof String value) {
                    Optional<InetAddress> candidate = HostNames.literal(value);
                    if (candidate.isPresent() && Arrays.equals(candidate.get().getAddress(), wanted)) {
                        return true;
                    }
                }
            }
            return false;
        }
        String name = asciiName(host);
        if (name == null) {
            return false;
        }
        for (List<?> san : sans) {
            if (type(san) == SAN_DNS && san.get(1) instanceof String value) {
                String pattern = asciiName(value);
                if (pattern != null && nameMatches(pattern, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nameMatches(String pattern, String name) {
        if (!pattern.contains("*")) {
            return pattern.equals(name);
        }
        if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
            return false; // partial-label or inner wildcards are not honoured
        }
        String suffix = pattern.substring(2);
        if (suffix.indexOf('.') < 0) {
            return false; // "*.com"
        }
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot + 1).equals(suffix);
    }

    /** Lower-case ASCII (IDNA) form without trailing dot, or null when it cannot be a DNS name. */
    private static String asciiName(String name) {
        String n = name.trim();
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isEmpty()) {
            return null;
        }
        try {
            return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int type(List<?> san) {
        return san.size() >= 2 && san.get(0) instanceof Integer t ? t : -1;
    }
}
