package org.parley.app.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.parley.app.SipAddress;
import org.parley.app.Transport;

/**
 * Builds out-of-dialog requests for one account: REGISTER, MESSAGE, OPTIONS. Every request carries a
 * loose Route to the account's proxy, so jain-sip's router sends it there over the chosen transport.
 *
 * <p>Threading: core thread only (jain-sip factories are not documented as thread-safe).
 */
public final class RequestBuilder {
    private static final String[] ALLOW = {"INVITE", "ACK", "BYE", "CANCEL", "REFER", "MESSAGE", "OPTIONS", "NOTIFY", "SUBSCRIBE"};

    private final SipStackHost host;
    private final SipAddress aor;
    private final String proxyHost;
    private final int proxyPort;
    private final Transport transport;
    private final String userAgent;
    private final HeaderPrototypes prototypes;
    /** Address for Via/Contact; looked up again at every REGISTER (the network may have changed). */
    private String localAddress;

    public RequestBuilder(SipStackHost host, SipAddress aor, String proxyHost, int proxyPort, Transport transport,
                          String userAgent) {
        this.host = host;
        this.aor = aor;
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.transport = transport;
        this.userAgent = userAgent;
        this.prototypes = new HeaderPrototypes(host, proxyHost, proxyPort);
    }

    /**
     * REGISTER for the account's AOR.
     *
     * @param expires 0 to remove the binding; negative for a binding query (no Contact)
     */
    public Request register(String callId, String fromTag, long cseq, int expires) throws ParseException {
        localAddress = null;
        prototypes.localAddressChanged();
        SipURI registrar = host.addresses().createSipURI(null, aor.host());
        if (aor.port() > 0) {
            registrar.setPort(aor.port());
        }
        Request r = base(Request.REGISTER, registrar, aorAddress(), callId, fromTag, cseq, transport);
        try {
            if (expires >= 0) {
                r.addHeader(contact());
                ExpiresHeader exp = host.headers().createExpiresHeader(expires);
                r.addHeader(exp);
            }
        } catch (InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
        return r;
    }

    /**
     * MESSAGE to {@code to} with {@code body} of {@code contentType}. {@code via} is the transport to use
     * (TCP for bodies too large for UDP, otherwise the account's).
     */
    public Request message(SipAddress to, String callId, String fromTag, long cseq, String contentType,
                           String body, Transport via) throws ParseException {
        SipURI target = prototypes.uri(to);
        Address toAddress = prototypes.address(to);
        Request r = base(Request.MESSAGE, target, toAddress, callId, fromTag, cseq, via);
        r.setContent(body.getBytes(StandardCharsets.UTF_8), prototypes.contentType(contentType));
        return r;
    }

    /**
     * A request without body to {@code target} outside any dialog (PUBLISH, an initial SUBSCRIBE): the account's
     * From, a Via for its transport and the Route to its outbound proxy.
     */
    public Request outOfDialog(String method, SipAddress target, String callId, String fromTag, long cseq)
            throws ParseException {
        return base(method, prototypes.uri(target), prototypes.address(target), callId, fromTag, cseq, transport);
    }

    /** OPTIONS to the proxy itself (a keep-alive / liveness probe). */
    public Request options(String callId, String fromTag, long cseq) throws ParseException {
        SipURI target = host.addresses().createSipURI(null, proxyHost);
        target.setPort(proxyPort);
        return base(Request.OPTIONS, target, host.addresses().createAddress(target), callId, fromTag, cseq,
                transport);
    }

    /** Our Contact for the account's transport. */
    public ContactHeader contact() throws ParseException {
        ListeningPoint lp = host.listeningPoint(transport);
        SipURI uri = host.addresses().createSipURI(aor.user(),
                localAddress(lp));
        uri.setPort(lp.getPort());
        if (transport != Transport.UDP) {
            uri.setTransportParam(transport.name().toLowerCase(Locale.ROOT));
        }
        return host.headers().createContactHeader(host.addresses().createAddress(uri));
    }

    private String localAddress(ListeningPoint lp) {
        if (localAddress == null) {
            localAddress = LocalAddress.towards(lp.getIPAddress(), proxyHost, proxyPort);
        }
        return localAddress;
    }

    private Request base(String method, SipURI requestUri, Address toAddress, String callId, String fromTag,
                         long cseq, Transport via) throws ParseException {
        try {
            FromHeader from = host.headers().createFromHeader(aorAddress(), fromTag);
            ToHeader to = host.headers().createToHeader(toAddress, null);
            CallIdHeader cid = host.headers().createCallIdHeader(callId);
            ListeningPoint lp = host.listeningPoint(via);
            ViaHeader v = prototypes.via(via, localAddress(lp), lp);
            Request r = host.messages().createRequest(requestUri, method, cid,
                    host.headers().createCSeqHeader(cseq, method), from, to, List.of(v),
                    host.headers().createMaxForwardsHeader(70));
            r.addHeader(prototypes.route(via));
            for (AllowHeader allow : prototypes.allow(ALLOW)) {
                r.addHeader(allow);
            }
            r.addHeader(prototypes.userAgent(userAgent));
            return r;
        } catch (InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    private Address aorAddress() throws ParseException {
        return prototypes.address(aor);
    }
}
