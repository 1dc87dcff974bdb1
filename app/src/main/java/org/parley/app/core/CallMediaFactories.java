package org.parley.app.core;

import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import org.parley.app.sdp.AudioCapabilities;
import org.parley.app.sdp.RtpFormat;

/** The call media Parley uses. */
final class CallMediaFactories {
    private CallMediaFactories() {
    }

    static CallMedia.Factory standard(String bindAddress) {
        return new CallMedia.Factory() {
            @Override
            public CallMedia open(String localAddress) throws IOException {
                throw new IOException("call media is not available yet");
            }

            @Override
            public AudioCapabilities capabilities() {
                return AudioCapabilities.plain(List.of(RtpFormat.of(0, "PCMU", 8000, 1)), OptionalInt.of(101),
                        OptionalInt.of(20));
            }
        };
    }
}
