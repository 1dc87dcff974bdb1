package org.parley.app.sip.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes {@code Authorization} / {@code Proxy-Authorization} values for one account (RFC 2617, RFC 7616,
 * RFC 8760): MD5, SHA-256 and SHA-512-256 with their -sess variants, qop auth and auth-int, and RFC 2069
 * style challenges without qop. Each answer uses a fresh random cnonce (128 bits, SecureRandom, see
 * {@link CnonceSource}) and the next nonce count for that nonce; the nonce is kept so later requests may be
 * authorized preemptively. HA1 is computed once per realm and algorithm ({@link Ha1Cache}).
 *
 * <p>Thread-safe: the nonce, HA1 and cnonce caches are synchronized, everything else is immutable.
 */
public final class DigestResponder {
    private static final Logger LOG = LoggerFactory.getLogger(DigestResponder.class);
    private final DigestCredentials credentials;
    private final NonceCache nonces;
    private final Supplier<String> cnonces;
    private final Ha1Cache ha1s = new Ha1Cache();

    public DigestResponder(DigestCredentials credentials) {
        this(credentials, new NonceCache(), new CnonceSource());
    }

    /** For tests: a fixed cnonce source. */
    DigestResponder(DigestCredentials credentials, NonceCache nonces, Supplier<String> cnonces) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.cnonces = Objects.requireNonNull(cnonces, "cnonces");
    }

    /**
     * Answers {@code challenge} for a request and remembers its nonce.
     *
     * @param scope      SERVER for a 401, PROXY for a 407: decides the header name
     * @param method     the request method, e.g. "REGISTER"
     * @param requestUri the Request-URI exactly as it appears in the request line
     * @param body       the request body (only used for qop=auth-int; null means empty)
     * @throws IllegalArgumentException when the challenge is not {@link DigestChallenge#isSupported()}
     */
    public DigestAuthorization answer(DigestScope scope, DigestChallenge challenge, String method,
                                      String requestUri, byte[] body) {
        Objects.requireNonNull(challenge, "challenge");
        if (!challenge.isSupported()) {
            throw new IllegalArgumentException("Unsupported digest challenge: algorithm "
                    + challenge.algorithmParameter().orElse("MD5") + ", qop " + challenge.qopOptions());
        }
        long count = challenge.chosenQop().isPresent() ? nonces.next(scope, challenge) : 0;
        return compute(scope, challenge, count, method, requestUri, body);
    }

    /**
     * Preemptive credentials from the most recently used nonce (any scope), or empty when no nonce with qop
     * is cached. The server may still answer 401/407 with {@code stale=true}; then answer that challenge.
     */
    public Optional<DigestAuthorization> authorizationFor(String method, String requestUri) {
        return authorizationFor(null, method, requestUri, null);
    }

    /**
     * Like {@link #authorizationFor(String, String)}, restricted to {@code scope} (null: any) and with the
     * body for auth-int.
     */
    public Optional<DigestAuthorization> authorizationFor(DigestScope scope, String method, String requestUri,
                                                          byte[] body) {
        Optional<NonceCache.Entry> cached = nonces.latest(scope);
        if (cached.isEmpty() || cached.get().challenge().chosenQop().isEmpty()) {
            // Without qop there is no nonce count: replaying such a nonce is what servers must refuse.
            return Optional.empty();
        }
        NonceCache.Entry e = cached.get();
        long count = nonces.next(e.scope(), e.challenge());
        return Optional.of(compute(e.scope(), e.challenge(), count, method, requestUri, body));
    }

    /** Drops the cached nonce of a realm, e.g. after the server rejected the credentials. */
    public void forget(DigestScope scope, String realm) {
        nonces.forget(scope, realm);
    }

    /** Drops all cached nonces (e.g. on re-registration after a server restart). */
    public void forgetAll() {
        nonces.clear();
    }

    private DigestAuthorization compute(DigestScope scope, DigestChallenge c, long count, String method,
                                        String uri, byte[] body) {
        DigestAlgorithm algorithm = c.algorithm().orElseThrow();
        String qop = c.chosenQop().orElse(null);
        String cnonce = qop != null ? cnonces.get() : null;
        String nc = qop != null ? DigestComputation.nonceCount(count) : null;
        String ha1 = ha1s.ha1(algorithm, credentials.username(), credentials.password(), c.realm());
        String response = DigestComputation.responseFromHa1(algorithm, ha1, c.nonce(), method, uri, qop, cnonce,
                nc, body);

        List<String> parts = new ArrayList<>();
        parts.add(quoted("username", credentials.username()));
        parts.add(quoted("realm", c.realm()));
        parts.add(quoted("nonce", c.nonce()));
        parts.add(quoted("uri", uri));
        parts.add(quoted("response", response));
        // Echo the algorithm token as the server spelled it; MD5 when the challenge named none.
        parts.add("algorithm=" + c.algorithmParameter().map(String::trim).orElse(algorithm.token()));
        if (qop != null) {
            parts.add(quoted("cnonce", cnonce));
        }
        c.opaque().ifPresent(o -> parts.add(quoted("opaque", o)));
        if (qop != null) {
            parts.add("qop=" + qop);
            parts.add("nc=" + nc);
        }
        LOG.debug("Digest {} answer for realm {} nc={} algorithm {}", scope, c.realm(), nc, algorithm.token());
        return new DigestAuthorization(scope, "Digest " + String.join(", ", parts));
    }

    private static String quoted(String name, String value) {
        StringBuilder b = new StringBuilder(name.length() + value.length() + 4).append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.append('"').toString();
    }

    /** How often HA1 was computed rather than taken from the cache (for tests). */
    int ha1Computations() {
        return ha1s.computations();
    }
}
