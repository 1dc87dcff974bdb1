package org.parley.app.sip.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host strings: IP literal detection without any DNS lookup, and a canonical form for comparisons and map
 * keys. Pure functions, thread-safe.
 */
final class HostNames {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.\\-]+)?");

    private HostNames() {
    }

    /**
     * The address of an IPv4 or IPv6 literal (brackets allowed), or empty for anything else. Never resolves
     * names: only strings that cannot be names reach {@link InetAddress#getByName}.
     */
    static Optional<InetAddress> literal(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Matcher v4 = IPV4.matcher(h);
        if (v4.matches()) {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(v4.group(g)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(h).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(h));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isLiteral(String host) {
        return literal(host).isPresent();
    }

    /**
     * Canonical form: IP literals as {@link InetAddress#getHostAddress()} (scope dropped), names lower-case
     * without a trailing dot.
     */
    static String canonical(String host) {
        if (host == null) {
            return "";
        }
        Optional<InetAddress> ip = literal(host);
        if (ip.isPresent()) {
            String a = ip.get().getHostAddress();
            int scope = a.indexOf('%');
            return scope >= 0 ? a.substring(0, scope) : a;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
