package org.parley.app.dial;

import org.parley.app.SipAddress;

/**
 * Whom a link asks to call or chat with, resolved for one account. Immutable.
 *
 * @param address the peer as the core takes it ({@code sip:+4930123456@example.com}): calls and chats go here
 * @param uri     the full request URI: for numbers with {@code ;user=phone} (RFC 3261 §19.1.6)
 * @param number  the number as dialled, or "" for a SIP address
 */
public record DialTarget(SipAddress address, String uri, String number) {

    /** A link that named a SIP address. */
    public static DialTarget of(SipAddress address) {
        return new DialTarget(address, address.toString(), "");
    }

    /**
     * A number put through {@code plan}, at the domain of the account ({@code sip:<digits>@<domain>;user=phone}).
     *
     * @param domain the host part of the account's address of record
     */
    public static DialTarget of(DialRequest.Number number, DialPlan plan, String domain) {
        String digits = plan.dial(number);
        // '#' is not allowed unescaped in a SIP user part (RFC 3261 §25.1); '*' and '+' are.
        String user = digits.replace("#", "%23");
        SipAddress address = SipAddress.parse("sip:" + user + "@" + domain);
        return new DialTarget(address, address + ";user=phone", digits);
    }
}
