package org.parley.app.sip.auth;

import java.util.Objects;

/**
 * A computed answer: add a header named {@link #headerName()} with value {@link #value()} to the request.
 *
 * @param scope decides the header name
 * @param value e.g. {@code Digest username="alice", realm="…", …}
 */
public record DigestAuthorization(DigestScope scope, String value) {
    public DigestAuthorization {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
    }

    /** "Authorization" or "Proxy-Authorization". */
    public String headerName() {
        return scope.answerHeader();
    }
}
