package org.parley.storage;

/**
 * A SIP account as stored. The password lives only inside the encrypted database.
 *
 * @param aor              address of record, "sip:alice@example.com"
 * @param authUser         digest user name (defaults to the AOR user part; never null when stored)
 * @param password         digest password
 * @param proxy            registrar / outbound proxy as "host[:port]", or null to use the AOR domain
 * @param transport        "UDP", "TCP" or "TLS"
 * @param expiresSeconds   requested registration lifetime
 * @param trustStorePath   PKCS#12/JKS trust store for TLS, or null
 * @param pinnedCertSha256 SHA-256 fingerprint (hex, colon separated) of a server certificate the user
 *                         chose to trust, or null
 * @param dialPlan         how the account dials telephone numbers, in the app's text form
 *                         ({@code org.parley.app.dial.DialPlan#encode}), or null for none (schema 4; older
 *                         profiles read as null)
 */
public record AccountRecord(String aor, String authUser, String password, String proxy, String transport,
                            int expiresSeconds, String trustStorePath, String pinnedCertSha256, String dialPlan) {

    /** An account without a dial plan. */
    public AccountRecord(String aor, String authUser, String password, String proxy, String transport,
                         int expiresSeconds, String trustStorePath, String pinnedCertSha256) {
        this(aor, authUser, password, proxy, transport, expiresSeconds, trustStorePath, pinnedCertSha256, null);
    }

    /** This account with another dial plan (null: none). */
    public AccountRecord withDialPlan(String plan) {
        return new AccountRecord(aor, authUser, password, proxy, transport, expiresSeconds, trustStorePath,
                pinnedCertSha256, plan);
    }
}
