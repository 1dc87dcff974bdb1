package org.parley.app.sip;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/** Where a request goes first: its top Route, else its Request-URI. Port -1 when none is given. */
record NextHop(String host, int port) {

    static NextHop of(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        URI uri = route != null ? route.getAddress().getURI() : request.getRequestURI();
        if (uri instanceof SipURI sip) {
            return new NextHop(sip.getHost(), sip.getPort());
        }
        return new NextHop("", -1);
    }

    boolean matches(String otherHost, int otherPort) {
        return host.equalsIgnoreCase(otherHost) && (port < 0 || otherPort < 0 || port == otherPort);
    }
}
