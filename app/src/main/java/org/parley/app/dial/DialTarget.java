package org.parley.app.dial;

import org.parley.app.SipAddress;

/**
 * Whom a link asks to call or chat with, resolved for one account. Immutable.
 *
 * @param address the peer as the core takes it ({@code sip:+4930123456@example.com}): calls and chats go here
 * @param uri     the number's SIP URI as RFC 3261 §19.1.6 writes it: {@code ;user=phone} for a global number
 *                only, because a dial string in the PBX's local form ({@code 0030123456}) is not a
 *                telephone-subscriber without a {@code phone-context} (RFC 3966 §5.1.5). The core is given
 *                {@link #address()}; {@code SipAddress.parse} also accepts this form and drops the parameter.
 * @param number  the number as dialled, or "" for a SIP address
 */
public record DialTarget(SipAddress address, String uri, String number) {

    /** A link that named a SIP address. */
    public static DialTarget of(SipAddress address) {
        return new DialTarget(address, address.toString(), "");
    }

    /**
     * A number put through {@code plan}, at the domain of the account ({@code sip:<digits>@<domain>}).
     *
     * @param domain the host part of the account's address of record
     */
    public static DialTarget of(DialRequest.Number number, DialPlan plan, String domain) {
        String digits = plan.dial(number);
        // '#' is not allowed unescaped in a SIP user part (RFC 3261 §25.1); '*' and '+' are.
        String user = digits.replace("#", "%23");
        SipAddress address = SipAddress.parse("sip:" + user + "@" + domain);
        return new DialTarget(address, digits.startsWith("+") ? address + ";user=phone" : address.toString(), digits);
    }
}
