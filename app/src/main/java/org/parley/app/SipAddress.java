package org.parley.app;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's SIP address of record, normalised to {@code sip:user@host[:port]} (or {@code sips:}).
 * Only the parts Parley uses are kept; URI parameters and headers are refused, except {@code ;user=phone}
 * (RFC 3261 §19.1.1), which is accepted and dropped: it says how the user part is to be read, not whom it
 * names, and Parley's identities (conversations, calls, contacts, the Request-URI built from them) are
 * parameter-free, as the addresses of incoming requests are read (docs/desktop-integration.md, "tel: links").
 */
public record SipAddress(String scheme, String user, String host, int port) {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9\\-_.!~*'()&=+$,;?/%]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+]");
    /** The one URI parameter accepted (and dropped); names and values compare case-insensitively (§19.1.4). */
    private static final String USER_PHONE = ";user=phone";

    public SipAddress {
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(user);
        Objects.requireNonNull(host);
    }

    /**
     * Parses "sip:alice@example.com", "sips:alice@example.com:5061" or "alice@example.com";
     * "sip:+4930123456@example.com;user=phone" is read as "sip:+4930123456@example.com".
     *
     * @throws IllegalArgumentException with a sentence fit for a user
     */
    public static SipAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(InvalidInput.Reason.ADDRESS_EMPTY, "The address is empty.");
        }
        String s = text.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        String scheme = "sip";
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            scheme = "sips";
            s = s.substring(5);
        } else if (lower.startsWith("sip:")) {
            s = s.substring(4);
        } else if (s.contains(":") && !s.contains("@")) {
            throw new InvalidInput(InvalidInput.Reason.NOT_A_SIP_ADDRESS,
                    "\"" + text + "\" is not a SIP address (expected sip:user@host).", text);
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            throw new InvalidInput(InvalidInput.Reason.NOT_A_SIP_ADDRESS,
                    "\"" + text + "\" is not a SIP address (expected sip:user@host).", text);
        }
        String user = s.substring(0, at);
        String hostPort = s.substring(at + 1);
        if (hostPort.toLowerCase(Locale.ROOT).endsWith(USER_PHONE) && hostPort.length() > USER_PHONE.length()) {
            hostPort = hostPort.substring(0, hostPort.length() - USER_PHONE.length());
        }
        int port = -1;
        String host = hostPort;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new InvalidInput(InvalidInput.Reason.ADDRESS_PORT, "\"" + text + "\" has an invalid port.", text);
            }
            if (port < 1 || port > 65535) {
                throw new InvalidInput(InvalidInput.Reason.ADDRESS_PORT, "\"" + text + "\" has an invalid port.", text);
            }
        }
        if (!USER.matcher(user).matches()) {
            throw new InvalidInput(InvalidInput.Reason.ADDRESS_USER, "\"" + text + "\" has an invalid user part.", text);
        }
        if (!HOST.matcher(host).matches()) {
            throw new InvalidInput(InvalidInput.Reason.ADDRESS_HOST, "\"" + text + "\" has an invalid host part.", text);
        }
        return new SipAddress(scheme, user, host.toLowerCase(Locale.ROOT), port);
    }

    /** The address of record without port when it has none: "sip:alice@example.com". */
    @Override
    public String toString() {
        return scheme + ":" + user + "@" + host + (port > 0 ? ":" + port : "");
    }

    /** The address without scheme-specific port, used to compare identities. */
    public String key() {
        return user + "@" + host;
    }
}
