package org.parley.app.sdp;

/**
 * The SDES keys agreed for a stream (RFC 4568): both lines carry the same tag and suite.
 *
 * @param local  the line Parley sent: its key protects what Parley sends
 * @param remote the line the peer sent: its key protects what Parley receives
 */
public record ChosenCrypto(Crypto local, Crypto remote) {
}
