package org.parley.app.sip.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Parley's protocol and cipher policy for SIP over TLS: TLSv1.3 and TLSv1.2 only, and the JVM's default
 * cipher suites (jain-sip's own list is outdated). Pure functions, thread-safe.
 */
final class TlsPolicy {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsPolicy() {
    }

    static boolean allowsProtocol(String protocol) {
        return PROTOCOLS.contains(protocol);
    }

    /** The allowed protocols the context supports, strongest first. */
    static String[] protocols(SSLContext context) {
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getProtocols());
        return PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
    }

    /** The context's default cipher suites (the JVM's defaults, honouring jdk.tls.disabledAlgorithms). */
    static String[] cipherSuites(SSLContext context) {
        return context.getDefaultSSLParameters().getCipherSuites();
    }

    /**
     * {@code configured} without anything outside {@code allowed}, keeping the configured order; all of
     * {@code allowed} when nothing remains or nothing was configured.
     */
    static String[] restrict(String[] configured, String[] allowed) {
        if (configured == null) {
            return allowed.clone();
        }
        Set<String> ok = Set.of(allowed);
        List<String> kept = new ArrayList<>();
        for (String c : configured) {
            if (ok.contains(c) && !kept.contains(c)) {
                kept.add(c);
            }
        }
        return kept.isEmpty() ? allowed.clone() : kept.toArray(String[]::new);
    }

    /** Parameters for a new client socket: policy protocols and suites, no JDK endpoint identification. */
    static SSLParameters clientParameters(SSLContext context) {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(protocols(context));
        p.setCipherSuites(cipherSuites(context));
        p.setEndpointIdentificationAlgorithm(null); // CapturingTrustManager checks the host itself
        return p;
    }

    static String describe(String[] values) {
        return Arrays.toString(values);
    }
}
