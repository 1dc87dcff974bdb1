package org.parley.app.sip.presence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.Address;
import javax.sip.header.RecordRouteHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The route set of a subscription dialog from its Record-Route headers (RFC 3261 §12.1). Stateless. */
final class SubscriptionRoutes {
    private SubscriptionRoutes() {
    }

    /** As the side that sent the dialog-creating request, from its 2xx: the Record-Routes in reverse. */
    static List<Address> asUac(Response r) {
        List<Address> routes = recordRoutes(r);
        Collections.reverse(routes);
        return routes;
    }

    /** As the side that received the dialog-creating request (SUBSCRIBE or NOTIFY): the Record-Routes in order. */
    static List<Address> asUas(Request r) {
        return recordRoutes(r);
    }

    private static List<Address> recordRoutes(Message m) {
        List<Address> routes = new ArrayList<>();
        ListIterator<?> it = m.getHeaders(RecordRouteHeader.NAME);
        while (it != null && it.hasNext()) {
            routes.add(((RecordRouteHeader) it.next()).getAddress());
        }
        return routes;
    }
}
