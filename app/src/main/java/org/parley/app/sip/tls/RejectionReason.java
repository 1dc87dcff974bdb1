package org.parley.app.sip.tls;

/** Why Parley refused a server certificate. */
public enum RejectionReason {
    /** Neither a trusted chain nor a pinned certificate. Pinning the fingerprint would accept it. */
    UNTRUSTED("not trusted"),
    /** The certificate (or one in its chain) has expired. Pinning does not help. */
    EXPIRED("expired"),
    /** The certificate is not valid yet. Pinning does not help. */
    NOT_YET_VALID("not valid yet"),
    /** A trusted certificate, but issued for another host name or address. Pinning would accept it. */
    HOSTNAME_MISMATCH("issued for another server");

    private final String text;

    RejectionReason(String text) {
        this.text = text;
    }

    /** A few words for the user, e.g. "expired". */
    public String text() {
        return text;
    }
}
