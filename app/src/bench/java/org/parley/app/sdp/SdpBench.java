package org.parley.app.sdp;

import java.util.List;
import java.util.OptionalInt;

/**
 * Not a test: parse, write and answer throughput for a baresip-shaped offer. Run with plain javac/java against
 * app/target/classes (see the SDP report for the command). Prints to stdout, as bench mains may.
 */
public final class SdpBench {
    private static final String OFFER = String.join("\r\n", "v=0", "o=- 1876348361 2117419497 IN IP4 192.168.1.20",
            "s=-", "c=IN IP4 192.168.1.20", "t=0 0", "a=tool:baresip 3.10.1", "m=audio 10164 RTP/AVP 111 0 8 101",
            "b=AS:96", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 stereo=1;sprop-stereo=1", "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=rtcp-mux",
            "a=ptime:20", "a=sendrecv", "a=label:1", "");

    private SdpBench() {
    }

    public static void main(String[] args) throws SdpException {
        AudioCapabilities caps = AudioCapabilities.plain(List.of(RtpFormat.of(111, "opus", 48000, 2),
                RtpFormat.of(0, "PCMU", 8000, 1), RtpFormat.of(8, "PCMA", 8000, 1)), OptionalInt.of(101),
                OptionalInt.of(20));
        Origin origin = new Origin("-", "1", 1, "IN", "IP4", "192.0.2.10");
        LocalMedia local = LocalMedia.of("192.0.2.10", 40000);
        int n = 200_000;
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += SdpParser.parse(OFFER).media().size();
            }
            long t1 = System.nanoTime();
            SessionDescription sd = SdpParser.parse(OFFER);
            for (int i = 0; i < n; i++) {
                sink += SdpWriter.write(sd).length();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += SdpAnswerer.answer(sd, caps, local, origin, false, OtherMediaAnswerer.REJECT_ALL)
                        .description().media().size();
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: parse %.2f us, write %.2f us, answer %.2f us (sink %d)%n", round,
                    (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, sink);
        }
    }
}
