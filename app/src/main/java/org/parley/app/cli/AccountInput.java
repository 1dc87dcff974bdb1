package org.parley.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.app.sip.tls.TrustFile;

/**
 * Validates and normalises what {@code account add} is given. Every method either returns the value in the
 * form stored in the profile or throws a {@link CliException} with exit code {@link ExitCodes#USAGE} and a
 * sentence naming the offending input. Stateless; no I/O except reading a trust store.
 */
final class AccountInput {
    static final int MIN_EXPIRES = 60;
    static final int MAX_EXPIRES = 86_400;

    private static final Pattern HOSTNAME = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern AUTH_USER = Pattern.compile("[^\\s\\p{Cntrl}]+");

    private AccountInput() {
    }

    /** "alice@example.com" → "sip:alice@example.com"; "sips:…" kept; parameters and bad parts refused. */
    static SipAddress aor(String text) {
        try {
            return SipAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** {@code HOST[:PORT]} (IPv6 in brackets) → lower-case host, port kept when given. */
    static String proxy(String text) {
        String s = text.trim();
        if (s.toLowerCase(Locale.ROOT).matches("sips?:.*")) {
            throw CliException.usage("The proxy \"" + text + "\" must be HOST[:PORT], without sip:.");
        }
        String host = s;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw CliException.usage("The proxy \"" + text + "\" has an unclosed IPv6 bracket.");
            }
            host = s.substring(0, close + 1);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw CliException.usage("The proxy \"" + text + "\" must be HOST[:PORT].");
                }
                port = rest.substring(1);
            }
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            throw CliException.usage("The proxy \"" + text + "\": write an IPv6 address in brackets, [::1]:5060.");
        } else if (s.indexOf(':') >= 0) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        }
        if (!(IPV6.matcher(host).matches() || HOSTNAME.matcher(host).matches())) {
            throw CliException.usage("The proxy \"" + text + "\" has an invalid host name.");
        }
        if (port == null) {
            return host.toLowerCase(Locale.ROOT);
        }
        return host.toLowerCase(Locale.ROOT) + ":" + port(port, "proxy \"" + text + "\"");
    }

    static int port(String text, String what) {
        if (PORT.matcher(text).matches()) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        }
        throw CliException.usage("The port of the " + what + " must be a number from 1 to 65535.");
    }

    /** Default UDP, or TLS for a sips: address, which allows no other transport. */
    static Transport transport(String text, SipAddress aor) {
        boolean sips = "sips".equals(aor.scheme());
        if (text == null) {
            return sips ? Transport.TLS : Transport.UDP;
        }
        Transport transport;
        try {
            transport = Transport.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        if (sips && transport != Transport.TLS) {
            throw CliException.usage("A sips: address needs --transport tls.");
        }
        return transport;
    }

    static int expires(int seconds) {
        if (seconds < MIN_EXPIRES || seconds > MAX_EXPIRES) {
            throw CliException.usage("--expires must be from " + MIN_EXPIRES + " to " + MAX_EXPIRES + " seconds.");
        }
        return seconds;
    }

    /** Defaults to the AOR's user part. */
    static String authUser(String text, SipAddress aor) {
        if (text == null) {
            return aor.user();
        }
        if (!AUTH_USER.matcher(text).matches()) {
            throw CliException.usage("--auth-user must be a non-empty name without spaces.");
        }
        return text;
    }

    /** A SHA-256 fingerprint, hex with or without colons → upper-case, colon separated ("AB:CD:…"). */
    static String pin(String text) {
        String hex = text.replace(":", "").replace(" ", "");
        if (!HEX64.matcher(hex).matches()) {
            throw CliException.usage("--pin must be a SHA-256 fingerprint: 32 bytes in hex, e.g. AB:CD:…");
        }
        StringBuilder out = new StringBuilder(95);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Checks that the trust store is a file the core can read (PEM or DER certificates, PKCS#12 or JKS; the same
     * reader the TLS layer uses) with at least one certificate, and returns its absolute path. {@code password}
     * may be null (PEM files, PKCS#12 stores with unprotected certificates).
     */
    static String trustStore(Path path, char[] password) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
            throw CliException.usage("The trust store " + absolute + " is not a readable file.");
        }
        try {
            TrustFile.certificates(absolute, password);
        } catch (IOException | GeneralSecurityException e) {
            CliLog.DETAIL.info("trust store {} unreadable", absolute, e);
            throw new CliException(ExitCodes.USAGE, "Cannot read the trust store " + absolute
                    + ": it holds no certificate, is not a PEM, DER, PKCS#12 or JKS file, or the password is wrong.", e);
        }
        return absolute.toString();
    }
}
