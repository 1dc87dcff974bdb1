package org.parley.app.sdp;

import java.util.OptionalInt;

/**
 * Where Parley receives a stream.
 *
 * @param address  the IPv4/IPv6 address (or host name) written in {@code c=} and {@code o=}
 * @param rtpPort  the RTP port, 1–65535
 * @param rtcpPort the RTCP port when it is not {@code rtpPort + 1} (written as {@code a=rtcp}, RFC 3605)
 */
public record LocalMedia(String address, int rtpPort, OptionalInt rtcpPort) {
    public LocalMedia {
        Connection.in(address);
        if (rtpPort < 1 || rtpPort > 65535 || rtcpPort.isPresent() && (rtcpPort.getAsInt() < 1
                || rtcpPort.getAsInt() > 65535)) {
            throw new IllegalArgumentException("Invalid port");
        }
    }

    public static LocalMedia of(String address, int rtpPort) {
        return new LocalMedia(address, rtpPort, OptionalInt.empty());
    }
}
