package org.parley.app;

import java.nio.file.Path;
import java.util.Optional;
import org.parley.app.dial.DialPlan;
import org.parley.storage.AccountRecord;

/**
 * An account as the core uses it: parsed and validated from an {@link AccountRecord}. Immutable.
 *
 * @param proxyHost where requests are sent first (outbound proxy / registrar)
 * @param proxyPort its port (the transport's default when the record has none)
 * @param dialPlan  how {@code tel:} numbers are dialled ({@link DialPlan#NONE} when the record has none or a
 *                  damaged one)
 */
public record AccountConfig(SipAddress aor, String authUser, String password, String proxyHost, int proxyPort,
                            Transport transport, int expiresSeconds, Optional<Path> trustStore,
                            Optional<String> pinnedSha256, DialPlan dialPlan) {

    /** @throws IllegalArgumentException with a user-fit sentence when the record is inconsistent */
    public static AccountConfig from(AccountRecord r) {
        SipAddress aor = SipAddress.parse(r.aor());
        Transport transport = Transport.parse(r.transport() == null ? "UDP" : r.transport());
        String proxy = r.proxy() == null || r.proxy().isBlank() ? aor.host() : r.proxy().trim();
        String host = proxy;
        int port = aor.port() > 0 && (r.proxy() == null || r.proxy().isBlank()) ? aor.port() : transport.defaultPort();
        int colon = proxy.lastIndexOf(':');
        if (colon > 0 && !proxy.endsWith("]")) {
            host = proxy.substring(0, colon);
            try {
                port = Integer.parseInt(proxy.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new InvalidInput(InvalidInput.Reason.SERVER_PORT,
                        "The server address \"" + proxy + "\" has an invalid port.", proxy);
            }
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInput(InvalidInput.Reason.SERVER_PORT,
                        "The server address \"" + proxy + "\" has an invalid port.", proxy);
        }
        String authUser = r.authUser() == null || r.authUser().isBlank() ? aor.user() : r.authUser();
        int expires = r.expiresSeconds() > 0 ? r.expiresSeconds() : 600;
        return new AccountConfig(aor, authUser, r.password() == null ? "" : r.password(), host, port, transport,
                expires, Optional.ofNullable(r.trustStorePath()).filter(s -> !s.isBlank()).map(Path::of),
                Optional.ofNullable(r.pinnedCertSha256()).filter(s -> !s.isBlank()), DialPlan.decode(r.dialPlan()));
    }

    /** The key events and storage use for this account: "sip:alice@example.com". */
    public String id() {
        return aor.toString();
    }
}
