package org.parley.app.sip;

import java.text.ParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import org.parley.app.SipAddress;
import org.parley.app.Transport;

/**
 * Parsed jain-sip headers and addresses that are the same for many requests of one account, built once and
 * handed out as clones. jain-sip's factories run its lexer over a string for every URI and most headers; for a
 * MESSAGE that was a fifth of the core thread's work. A message owns and may change the headers it holds, so a
 * prototype never leaves this class uncloned.
 *
 * <p>Threading: core thread only (like the factories). Peer URIs are kept for the {@value #MAX_PEERS} most
 * recently used peers; the Via prototypes are dropped by {@link #localAddressChanged()}.
 */
final class HeaderPrototypes {
    static final int MAX_PEERS = 256;

    private final SipStackHost host;
    private final String proxyHost;
    private final int proxyPort;
    private final Map<SipAddress, SipURI> peers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SipAddress, SipURI> eldest) {
            return size() > MAX_PEERS;
        }
    };
    private final Map<Transport, RouteHeader> routes = new EnumMap<>(Transport.class);
    private final Map<Transport, ViaHeader> vias = new EnumMap<>(Transport.class);
    private final Map<String, ContentTypeHeader> contentTypes = new LinkedHashMap<>();
    private List<AllowHeader> allow;
    private UserAgentHeader userAgent;

    HeaderPrototypes(SipStackHost host, String proxyHost, int proxyPort) {
        this.host = host;
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
    }

    /** A new URI for {@code a} (sip: or sips:, port when given). */
    SipURI uri(SipAddress a) throws ParseException {
        SipURI proto = peers.get(a);
        if (proto == null) {
            proto = host.addresses().createSipURI(a.user(), a.host());
            if (a.port() > 0) {
                proto.setPort(a.port());
            }
            proto.setSecure(a.scheme().equals("sips"));
            peers.put(a, proto);
        }
        return (SipURI) proto.clone();
    }

    Address address(SipAddress a) throws ParseException {
        return host.addresses().createAddress(uri(a));
    }

    /** A loose Route to the proxy over {@code via}. */
    RouteHeader route(Transport via) throws ParseException {
        RouteHeader proto = routes.get(via);
        if (proto == null) {
            SipURI route = host.addresses().createSipURI(null, proxyHost);
            route.setPort(proxyPort);
            route.setLrParam();
            route.setTransportParam(via.name().toLowerCase(Locale.ROOT));
            proto = host.headers().createRouteHeader(host.addresses().createAddress(route));
            routes.put(via, proto);
        }
        return (RouteHeader) proto.clone();
    }

    /** A Via with rport and without branch (the transaction layer sets one) for {@code localAddress}. */
    ViaHeader via(Transport via, String localAddress, ListeningPoint lp) throws ParseException {
        ViaHeader proto = vias.get(via);
        if (proto == null) {
            try {
                proto = host.headers().createViaHeader(localAddress, lp.getPort(),
                        via.name().toLowerCase(Locale.ROOT), null);
                proto.setRPort();
            } catch (InvalidArgumentException e) {
                throw new ParseException(e.getMessage(), 0);
            }
            vias.put(via, proto);
        }
        return (ViaHeader) proto.clone();
    }

    /** The local address used in Via may have changed: build the Via headers again. */
    void localAddressChanged() {
        vias.clear();
    }

    /** One Allow header per method (jain-sip merges them when encoding). */
    List<AllowHeader> allow(String[] methods) throws ParseException {
        if (allow == null) {
            AllowHeader[] built = new AllowHeader[methods.length];
            for (int i = 0; i < methods.length; i++) {
                built[i] = host.headers().createAllowHeader(methods[i]);
            }
            allow = List.of(built);
        }
        return allow.stream().map(h -> (AllowHeader) h.clone()).toList();
    }

    UserAgentHeader userAgent(String product) throws ParseException {
        if (userAgent == null) {
            userAgent = host.headers().createUserAgentHeader(List.of(product));
        }
        return (UserAgentHeader) userAgent.clone();
    }

    /** Content-Type for "type/subtype[;…]" (parameters dropped); text types get charset=UTF-8. */
    ContentTypeHeader contentType(String contentType) throws ParseException {
        ContentTypeHeader proto = contentTypes.get(contentType);
        if (proto == null) {
            String[] type = contentType.split("/", 2);
            proto = host.headers().createContentTypeHeader(type[0], type[1].split(";")[0]);
            if (type[0].equals("text")) {
                proto.setParameter("charset", "UTF-8");
            }
            if (contentTypes.size() < 16) {
                contentTypes.put(contentType, proto);
            }
        }
        return (ContentTypeHeader) proto.clone();
    }

    /** How many peer URIs are held (for tests). */
    int peerCount() {
        return peers.size();
    }
}
