package org.parley.app.sip;

import org.parley.app.AccountConfig;

/** One account while signalling runs: its settings and signalling pieces. Core thread only. */
public record AccountRuntime(AccountConfig config, RequestBuilder requests, Authorizer authorizer,
                      Registration registration) {

    /**
     * Whether this account signals over TLS: then media keys may travel in SDP (SRTP by SDES, MSRP over TLS with
     * fingerprints), and media must be protected; over UDP/TCP they never do.
     */
    public boolean signalsOverTls() {
        return config.transport() == org.parley.app.Transport.TLS;
    }
}
