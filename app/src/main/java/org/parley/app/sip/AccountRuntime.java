package org.parley.app.sip;

import org.parley.app.AccountConfig;

/** One account while signalling runs: its settings and signalling pieces. Core thread only. */
public record AccountRuntime(AccountConfig config, RequestBuilder requests, Authorizer authorizer,
                      Registration registration) {
}
