package org.parley.app.sdp;

/**
 * Why no audio stream was agreed: a protocol outcome (the call layer answers 488 or ends the call), never an error.
 * {@link #sentence()} is one English sentence for logs and the user.
 */
public sealed interface AudioRejection extends AudioOutcome {
    String sentence();

    /** The description has no usable {@code m=audio} section. */
    record NoAudio() implements AudioRejection {
        public String sentence() {
            return "The session description offers no audio stream.";
        }
    }

    /** The audio stream has port 0: disabled in an offer, rejected in an answer. */
    record StreamDisabled() implements AudioRejection {
        public String sentence() {
            return "The audio stream was rejected or disabled (port 0).";
        }
    }

    /** No codec of the other side matches one of Parley's by name, clock rate and channels. */
    record NoCommonCodec() implements AudioRejection {
        public String sentence() {
            return "The other side offers no audio codec that Parley supports.";
        }
    }

    /** The stream uses a transport other than {@code RTP/AVP} or {@code RTP/SAVP}. */
    record UnsupportedTransport(String protocol) implements AudioRejection {
        public String sentence() {
            return "The audio stream uses " + protocol + ", which Parley does not support.";
        }
    }

    /** Parley requires SRTP and the other side offers plain RTP only. */
    record SrtpRequired() implements AudioRejection {
        public String sentence() {
            return "Parley requires encrypted audio (SRTP) and the other side offers none.";
        }
    }

    /** SRTP is wanted (by the other side's RTP/SAVP or by Parley) but no crypto suite is common, or SRTP is off. */
    record NoCommonCrypto() implements AudioRejection {
        public String sentence() {
            return "The other side requires encrypted audio with no crypto suite that Parley accepts.";
        }
    }

    /** The audio stream has no connection address (no {@code c=} line applies to it). */
    record NoAddress() implements AudioRejection {
        public String sentence() {
            return "The audio stream has no connection address.";
        }
    }

    /** The answer does not fit the offer (m= line count, media or transport changed). */
    record InvalidAnswer(String detail) implements AudioRejection {
        public String sentence() {
            return "The answer does not match the offer: " + detail;
        }
    }
}
