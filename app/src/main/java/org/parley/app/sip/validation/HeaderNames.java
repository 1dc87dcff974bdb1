package org.parley.app.sip.validation;

import java.util.Locale;
import java.util.Map;

/** Canonical (lower-case, long) header field names, resolving the compact forms of RFC 3261 §7.3.3 & co. */
final class HeaderNames {
    static final String VIA = "via";
    static final String TO = "to";
    static final String FROM = "from";
    static final String CALL_ID = "call-id";
    static final String CSEQ = "cseq";
    static final String CONTACT = "contact";
    static final String CONTENT_LENGTH = "content-length";
    static final String CONTENT_TYPE = "content-type";
    static final String MAX_FORWARDS = "max-forwards";
    static final String ROUTE = "route";
    static final String RECORD_ROUTE = "record-route";
    static final String REPLY_TO = "reply-to";
    static final String REQUIRE = "require";
    static final String PROXY_REQUIRE = "proxy-require";
    static final String SUPPORTED = "supported";

    private static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("i", CALL_ID), Map.entry("m", CONTACT), Map.entry("e", "content-encoding"),
            Map.entry("l", CONTENT_LENGTH), Map.entry("c", CONTENT_TYPE), Map.entry("f", FROM),
            Map.entry("s", "subject"), Map.entry("k", SUPPORTED), Map.entry("t", TO), Map.entry("v", VIA),
            Map.entry("o", "event"), Map.entry("r", "refer-to"), Map.entry("u", "allow-events"),
            Map.entry("b", "referred-by"), Map.entry("x", "session-expires"), Map.entry("a", "accept-contact"),
            Map.entry("j", "reject-contact"), Map.entry("d", "request-disposition"), Map.entry("y", "identity"),
            Map.entry("n", "identity-info"));

    private HeaderNames() {
    }

    private static final Map<String, String> PRETTY = Map.of(VIA, "Via", TO, "To", FROM, "From", CALL_ID,
            "Call-ID", CSEQ, "CSeq", MAX_FORWARDS, "Max-Forwards", CONTENT_TYPE, "Content-Type",
            CONTENT_LENGTH, "Content-Length");

    /** The usual spelling of a canonical name, for messages (e.g. "Call-ID"). */
    static String pretty(String canonical) {
        return PRETTY.getOrDefault(canonical, canonical);
    }

    /** The usual spellings of frequent names, answered without lower-casing (same result as below). */
    private static final Map<String, String> USUAL = Map.ofEntries(
            Map.entry("Via", VIA), Map.entry("To", TO), Map.entry("From", FROM), Map.entry("Call-ID", CALL_ID),
            Map.entry("CSeq", CSEQ), Map.entry("Contact", CONTACT), Map.entry("Content-Length", CONTENT_LENGTH),
            Map.entry("Content-Type", CONTENT_TYPE), Map.entry("Max-Forwards", MAX_FORWARDS),
            Map.entry("Route", ROUTE), Map.entry("Record-Route", RECORD_ROUTE), Map.entry("Require", REQUIRE),
            Map.entry("Supported", SUPPORTED), Map.entry("Allow", "allow"), Map.entry("User-Agent", "user-agent"),
            Map.entry("Server", "server"), Map.entry("Expires", "expires"),
            Map.entry("Authorization", "authorization"), Map.entry("Proxy-Authorization", "proxy-authorization"),
            Map.entry("WWW-Authenticate", "www-authenticate"), Map.entry("Proxy-Authenticate", "proxy-authenticate"));

    static String canonical(String name) {
        String usual = USUAL.get(name);
        if (usual != null) {
            return usual;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.length() == 1 ? COMPACT.getOrDefault(lower, lower) : lower;
    }
}
