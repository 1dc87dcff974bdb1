package org.parley.app.sip;

import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;

/**
 * Receives SIP events from {@link SipStackHost}. Every method is called on the core executor, never on a
 * jain-sip thread, so implementations may touch core state without locks.
 */
public interface SipEvents {

    /** A request from the network (already screened for malformed input). */
    void onRequest(RequestEvent event);

    /** A response for one of our client transactions. */
    void onResponse(ResponseEvent event);

    /** A client transaction timed out without a final response. */
    void onTimeout(ClientTransaction transaction);

    /** jain-sip reported an I/O failure towards {@code host:port}. */
    void onTransportError(String host, int port, String transport);
}
