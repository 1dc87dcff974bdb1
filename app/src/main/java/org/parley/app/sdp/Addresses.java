package org.parley.app.sdp;

/**
 * Connection addresses (RFC 8866 §9: IP4-address, IP6-address, FQDN, with multicast suffixes). Syntax only: nothing is
 * resolved, so validation never touches the network.
 */
final class Addresses {
    private Addresses() {
    }

    /** Whether {@code address} is acceptable for {@code addrType}; unknown address types accept any visible text. */
    static boolean isValid(String addrType, String address) {
        return switch (addrType) {
            case "IP4" -> isIpv4WithSuffix(address) || isFqdn(address);
            case "IP6" -> isIpv6WithSuffix(address) || isFqdn(address);
            default -> Tokens.isVisible(address);
        };
    }

    private static boolean isIpv4WithSuffix(String address) {
        String[] parts = address.split("/", -1);
        if (parts.length > 3 || !isIpv4(parts[0])) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (Tokens.number(parts[i], 0, 65535) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6WithSuffix(String address) {
        String[] parts = address.split("/", -1);
        return parts.length <= 2 && isIpv6(parts[0]) && (parts.length == 1 || Tokens.number(parts[1], 0, 65535) >= 0);
    }

    static boolean isIpv4(String s) {
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.length() > 3 || Tokens.number(octet, 0, 255) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int groups = countGroups(head, doubleColon < 0 || tail.isEmpty());
        int tailGroups = doubleColon >= 0 ? countGroups(tail, true) : 0;
        if (groups < 0 || tailGroups < 0) {
            return false;
        }
        int total = groups + tailGroups;
        return doubleColon >= 0 ? total <= 7 : total == 8;
    }

    /** Counts 16-bit groups in a colon-separated run (an IPv4 tail counts as two); -1 if malformed. */
    private static int countGroups(String run, boolean mayEndInIpv4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] groups = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && mayEndInIpv4 && g.indexOf('.') >= 0) {
                if (!isIpv4(g)) {
                    return -1;
                }
                count += 2;
            } else if (isHexGroup(g)) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    private static boolean isHexGroup(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return false;
        }
        for (int i = 0; i < g.length(); i++) {
            if (Character.digit(g.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A host name: dot-separated labels of letters, digits and hyphens, not starting or ending with a hyphen. */
    static boolean isFqdn(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        String[] labels = s.split("\\.", -1);
        boolean hasLetter = false;
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                hasLetter |= letter || c == '-';
                if (!letter && !(c >= '0' && c <= '9') && c != '-') {
                    return false;
                }
            }
        }
        return hasLetter;
    }
}
