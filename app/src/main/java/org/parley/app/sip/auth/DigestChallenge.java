package org.parley.app.sip.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Digest challenge from a {@code WWW-Authenticate} or {@code Proxy-Authenticate} header value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param realm              the realm (required by RFC 2617/7616; may be the empty string)
 * @param nonce              the server nonce (required)
 * @param opaque             echoed back unchanged when present
 * @param algorithmParameter the {@code algorithm} parameter as sent; absent means MD5
 * @param qopOptions         the offered qop values, lower-cased ("auth", "auth-int"); empty for RFC 2069 style
 * @param stale              {@code stale=true}: the previous nonce expired but the credentials were right
 * @param domain             the {@code domain} parameter, unparsed
 */
public record DigestChallenge(String realm, String nonce, Optional<String> opaque, Optional<String> algorithmParameter,
                              List<String> qopOptions, boolean stale, Optional<String> domain) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(opaque, "opaque");
        Objects.requireNonNull(algorithmParameter, "algorithmParameter");
        Objects.requireNonNull(domain, "domain");
        qopOptions = List.copyOf(qopOptions);
    }

    /**
     * Parses a header value such as {@code Digest realm="x", nonce="y", qop="auth", algorithm=SHA-256}.
     * Tolerates odd spacing, quoted or bare values, escaped quotes, unknown parameters and any case in
     * names. Empty for other schemes (Basic, Bearer …), for a Digest challenge without realm or nonce, and
     * for garbage. Never throws.
     */
    public static Optional<DigestChallenge> parse(String headerValue) {
        Optional<AuthParams.Parsed> parsed = AuthParams.parse(headerValue);
        if (parsed.isEmpty() || !parsed.get().scheme().equalsIgnoreCase("Digest")) {
            return Optional.empty();
        }
        Map<String, String> p = parsed.get().params();
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        if (realm == null || nonce == null || nonce.isEmpty()) {
            return Optional.empty();
        }
        List<String> qop = new ArrayList<>();
        String qopValue = p.get("qop");
        if (qopValue != null) {
            for (String option : qopValue.split(",")) {
                String o = option.trim().toLowerCase(Locale.ROOT);
                if (!o.isEmpty() && !qop.contains(o)) {
                    qop.add(o);
                }
            }
        }
        boolean stale = "true".equalsIgnoreCase(p.getOrDefault("stale", "").trim());
        return Optional.of(new DigestChallenge(realm, nonce, Optional.ofNullable(p.get("opaque")),
                Optional.ofNullable(p.get("algorithm")), qop, stale, Optional.ofNullable(p.get("domain"))));
    }

    /**
     * Of several header values (one response's challenges), the strongest one Parley can answer:
     * SHA-512-256 over SHA-256 over MD5; among equally strong ones the first listed. Unsupported algorithms,
     * other schemes and garbage are skipped. Never throws.
     */
    public static Optional<DigestChallenge> best(List<String> headerValues) {
        if (headerValues == null) {
            return Optional.empty();
        }
        List<DigestChallenge> usable = new ArrayList<>();
        for (String value : headerValues) {
            parse(value).filter(DigestChallenge::isSupported).ifPresent(usable::add);
        }
        // Strictly stronger replaces: the first listed wins among equals.
        Comparator<DigestChallenge> byStrength = Comparator.comparingInt(c -> c.algorithm().orElseThrow().strength());
        DigestChallenge best = null;
        for (DigestChallenge c : usable) {
            if (best == null || byStrength.compare(c, best) > 0) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The algorithm, MD5 when the parameter is absent; empty when Parley does not know it. */
    public Optional<DigestAlgorithm> algorithm() {
        return algorithmParameter.isEmpty() ? Optional.of(DigestAlgorithm.MD5)
                : DigestAlgorithm.fromToken(algorithmParameter.get());
    }

    /**
     * Whether Parley can answer: a known algorithm, and either qop "auth"/"auth-int" offered, or no qop at
     * all with a non-session algorithm (RFC 2069 style).
     */
    public boolean isSupported() {
        Optional<DigestAlgorithm> a = algorithm();
        if (a.isEmpty()) {
            return false;
        }
        if (qopOptions.isEmpty()) {
            return !a.get().isSession();
        }
        return qopOptions.contains("auth") || qopOptions.contains("auth-int");
    }

    /**
     * The qop Parley answers with: "auth" when offered (or "auth-int" when only that is), empty for an
     * RFC 2069 style challenge without qop.
     */
    public Optional<String> chosenQop() {
        if (qopOptions.contains("auth")) {
            return Optional.of("auth");
        }
        if (qopOptions.contains("auth-int")) {
            return Optional.of("auth-int");
        }
        return Optional.empty();
    }
}
