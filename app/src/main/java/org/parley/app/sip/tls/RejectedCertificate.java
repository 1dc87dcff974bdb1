package org.parley.app.sip.tls;

import java.time.Instant;
import java.util.Objects;

/**
 * A server certificate Parley refused, as captured during the handshake: what the UI shows so the user can
 * decide to pin it.
 *
 * @param host              the host name or IP literal the connection was made to (canonical form)
 * @param port              the server port
 * @param sha256Fingerprint SHA-256 of the leaf certificate, colon-separated upper-case hex
 * @param subject           the leaf's subject DN (RFC 2253)
 * @param issuer            the leaf's issuer DN (RFC 2253)
 * @param notAfter          end of the leaf's validity
 * @param reason            why it was refused
 * @param at                when
 */
public record RejectedCertificate(String host, int port, String sha256Fingerprint, String subject, String issuer,
                                  Instant notAfter, RejectionReason reason, Instant at) {
    public RejectedCertificate {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** e.g. "certificate not trusted: CN=sip.example.com, SHA-256 AB:CD:…". */
    public String describe() {
        return "certificate " + reason.text() + ": " + subject + ", SHA-256 " + sha256Fingerprint;
    }
}
