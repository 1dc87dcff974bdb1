package org.parley.app.sdp;

import java.util.Optional;

/** The static audio payload types of RFC 3551 §6 that a description may use without an {@code a=rtpmap}. */
final class StaticPayloadTypes {
    private StaticPayloadTypes() {
    }

    static Optional<RtpMap> audio(int payloadType) {
        return Optional.ofNullable(switch (payloadType) {
            case 0 -> new RtpMap(0, "PCMU", 8000, 1);
            case 3 -> new RtpMap(3, "GSM", 8000, 1);
            case 4 -> new RtpMap(4, "G723", 8000, 1);
            case 5 -> new RtpMap(5, "DVI4", 8000, 1);
            case 6 -> new RtpMap(6, "DVI4", 16000, 1);
            case 7 -> new RtpMap(7, "LPC", 8000, 1);
            case 8 -> new RtpMap(8, "PCMA", 8000, 1);
            case 9 -> new RtpMap(9, "G722", 8000, 1);
            case 10 -> new RtpMap(10, "L16", 44100, 2);
            case 11 -> new RtpMap(11, "L16", 44100, 1);
            case 12 -> new RtpMap(12, "QCELP", 8000, 1);
            case 13 -> new RtpMap(13, "CN", 8000, 1);
            case 14 -> new RtpMap(14, "MPA", 90000, 1);
            case 15 -> new RtpMap(15, "G728", 8000, 1);
            case 16 -> new RtpMap(16, "DVI4", 11025, 1);
            case 17 -> new RtpMap(17, "DVI4", 22050, 1);
            case 18 -> new RtpMap(18, "G729", 8000, 1);
            default -> null;
        });
    }
}
