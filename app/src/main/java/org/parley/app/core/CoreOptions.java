package org.parley.app.core;

/**
 * Settings of one core instance (not of an account).
 *
 * @param bindAddress     local address the SIP stack listens on ("0.0.0.0" in production, "127.0.0.1" in tests)
 * @param port            local SIP port for UDP and TCP (TLS uses port+1); 0 picks free ports
 * @param maxMessageBytes policy: largest MESSAGE body accepted or sent (UTF-8 bytes)
 * @param userAgent       value of the User-Agent header
 */
public record CoreOptions(String bindAddress, int port, int maxMessageBytes, String userAgent) {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

    public static CoreOptions defaults() {
        return new CoreOptions("0.0.0.0", 0, DEFAULT_MAX_MESSAGE_BYTES, "Parley/0.1");
    }

    public CoreOptions withBindAddress(String address) {
        return new CoreOptions(address, port, maxMessageBytes, userAgent);
    }
}
