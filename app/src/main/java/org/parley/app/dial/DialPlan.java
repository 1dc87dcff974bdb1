package org.parley.app.dial;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one account dials telephone numbers through its SIP server: which country it is in, which prefixes its
 * server expects, and how long internal extensions are. {@link #dial} turns a number from a {@code tel:} link
 * (or typed by the user) into the digits the server wants. Immutable; thread-safe.
 *
 * @param countryCode         the account's country calling code without "+" ("49", "1"), or "" if unknown
 * @param nationalPrefix      trunk prefix before an area code in national form ("0" in Germany, "1" in the US)
 * @param internationalPrefix prefix before a country code ("00" in Germany, "011" in the US)
 * @param outsideLine         digit(s) a PBX wants before any external number ("0", "9"), or ""
 * @param extensionDigits     numbers with at most this many digits are internal extensions, dialled as they
 *                            are (0: none)
 * @param international       dial external numbers as "+" and E.164 digits instead of with the prefixes
 */
public record DialPlan(String countryCode, String nationalPrefix, String internationalPrefix, String outsideLine,
                       int extensionDigits, boolean international) {
    private static final Pattern DIGITS = Pattern.compile("[0-9]*");
    private static final String VERSION = "1";

    /** An account without a dial plan: numbers are dialled as they are, "+" included. */
    public static final DialPlan NONE = new DialPlan("", "", "", "", 0, true);

    /** @throws IllegalArgumentException (English sentence) for a prefix that is not digits or a bad length */
    public DialPlan {
        Objects.requireNonNull(countryCode);
        Objects.requireNonNull(nationalPrefix);
        Objects.requireNonNull(internationalPrefix);
        Objects.requireNonNull(outsideLine);
        for (String prefix : new String[] {countryCode, nationalPrefix, internationalPrefix, outsideLine}) {
            if (!DIGITS.matcher(prefix).matches() || prefix.length() > 4) {
                throw new IllegalArgumentException("A dial-plan prefix must be at most four digits: \"" + prefix + "\".");
            }
        }
        if (extensionDigits < 0 || extensionDigits > 8) {
            throw new IllegalArgumentException("Internal extensions have between 0 and 8 digits.");
        }
    }

    /**
     * The digits to send for {@code number}: an internal extension unchanged; otherwise the number in E.164 form
     * when it can be known, then written the way this plan dials it.
     */
    public String dial(DialRequest.Number number) {
        String n = number.number();
        if (!n.startsWith("+") && number.context().isPresent()) {
            n = number.context().get() + n; // RFC 3966 §5.1.5: a global context prefixes the local number
        }
        if (n.indexOf('*') >= 0 || n.indexOf('#') >= 0) {
            return n; // service codes are the server's business
        }
        if (!n.startsWith("+") && extensionDigits > 0 && n.length() <= extensionDigits) {
            return n;
        }
        String e164 = e164(n);
        if (e164 == null) {
            return outsideLine + n; // a local number without area code: only the server knows
        }
        if (international) {
            return "+" + e164;
        }
        if (!countryCode.isEmpty() && e164.startsWith(countryCode)) {
            return outsideLine + nationalPrefix + e164.substring(countryCode.length());
        }
        return internationalPrefix.isEmpty() ? "+" + e164 : outsideLine + internationalPrefix + e164;
    }

    /** Country code and national number without "+", or null when the number is local. */
    private String e164(String n) {
        if (n.startsWith("+")) {
            return n.substring(1);
        }
        if (countryCode.isEmpty()) {
            return null;
        }
        if (!internationalPrefix.isEmpty() && n.startsWith(internationalPrefix)) {
            return n.substring(internationalPrefix.length());
        }
        if (!nationalPrefix.isEmpty() && n.startsWith(nationalPrefix)) {
            return countryCode + n.substring(nationalPrefix.length());
        }
        return null;
    }

    /** The stored form: "v=1;cc=49;np=0;ip=00;ol=;ext=4;intl=0". */
    public String encode() {
        return "v=" + VERSION + ";cc=" + countryCode + ";np=" + nationalPrefix + ";ip=" + internationalPrefix
                + ";ol=" + outsideLine + ";ext=" + extensionDigits + ";intl=" + (international ? 1 : 0);
    }

    /**
     * Reads {@link #encode()}'s form. Null, blank, another version or a damaged value yield {@link #NONE} (numbers
     * dialled as they are), so an account never becomes unusable because of its dial plan.
     */
    public static DialPlan decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : stored.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        if (!VERSION.equals(fields.get("v"))) {
            return NONE;
        }
        try {
            return new DialPlan(fields.getOrDefault("cc", ""), fields.getOrDefault("np", ""),
                    fields.getOrDefault("ip", ""), fields.getOrDefault("ol", ""),
                    Integer.parseInt(fields.getOrDefault("ext", "0")), "1".equals(fields.get("intl")));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
