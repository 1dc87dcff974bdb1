package org.parley.app.sip.presence;

/**
 * The Subscription-State of a NOTIFY (RFC 6665 §4.1.3): {@code active}, {@code pending} or {@code terminated}
 * with a reason and an optional retry-after. A missing or malformed header counts as active (lenient: the
 * body is still worth showing).
 */
public record SubscriptionState(Kind kind, String reason, int retryAfterSeconds, int expiresSeconds) {
    public enum Kind { ACTIVE, PENDING, TERMINATED }

    /** Whether a new subscription should be attempted after this termination, per the reason (RFC 6665 §4.1.3). */
    public boolean retryAllowed() {
        if (kind != Kind.TERMINATED) {
            return true;
        }
        return switch (reason == null ? "" : reason) {
            case "rejected", "noresource", "invariant" -> false;
            default -> true; // deactivated, timeout, probation, giveup, or none given
        };
    }

    static SubscriptionState parse(javax.sip.header.SubscriptionStateHeader h) {
        if (h == null || h.getState() == null) {
            return new SubscriptionState(Kind.ACTIVE, null, -1, -1);
        }
        Kind kind = switch (h.getState().toLowerCase(java.util.Locale.ROOT)) {
            case "pending" -> Kind.PENDING;
            case "terminated" -> Kind.TERMINATED;
            default -> Kind.ACTIVE;
        };
        String reason = h.getReasonCode() == null ? null : h.getReasonCode().toLowerCase(java.util.Locale.ROOT);
        return new SubscriptionState(kind, reason, h.getRetryAfter(), h.getExpires());
    }
}
