package org.parley.app.sip;

import javax.sip.message.Response;

/** How a client request ended. A SIP status is a value; a broken transport is {@link TransportFailed}. */
public sealed interface SipResult {

    /** A final response (after any digest round trips). */
    record Final(Response response) implements SipResult {
        public int status() {
            return response.getStatusCode();
        }

        public String statusLine() {
            return response.getStatusCode() + " " + response.getReasonPhrase();
        }
    }

    /** No final response within the transaction timeout. */
    record TimedOut() implements SipResult {
    }

    /** The request could not be sent: connection refused or lost, TLS handshake failed. */
    record TransportFailed(Exception cause) implements SipResult {
    }
}
