package org.parley.app.core;

import java.io.IOException;
import org.parley.app.call.CallAudio;
import org.parley.app.sdp.AudioCapabilities;
import org.parley.app.sdp.NegotiatedAudio;

/**
 * The media of one call: its RTP ports exist from {@link CallMedia.Factory#open} (the SDP needs them), audio flows
 * from {@link #start}. Implemented over {@code org.parley.media}.
 *
 * <p>Threading: called on the core thread; the listener is called on media threads and must hand off at once.
 */
interface CallMedia extends AutoCloseable {

    /** Opens a call's media. */
    interface Factory {
        /** @throws IOException when no RTP ports can be bound */
        CallMedia open(String localAddress) throws IOException;

        /**
         * What Parley offers and accepts for one call (codecs, telephone-event, ptime). {@code secure}: the
         * signalling is TLS, so SRTP is required and fresh SDES keys are included; otherwise no keys ever go
         * into SDP.
         */
        AudioCapabilities capabilities(boolean secure);
    }

    /** Told on a media thread. */
    interface Listener {
        void dtmf(char digit);

        /** No media from the peer for a long time while expected. */
        void timeout();
    }

    int localRtpPort();

    /**
     * Starts audio as negotiated, with {@code audio}'s devices or files.
     *
     * @throws IOException when the files cannot be opened or the negotiated codec is unknown
     */
    void start(NegotiatedAudio negotiated, CallAudio audio, Listener listener) throws IOException;

    /**
     * A re-negotiation (re-INVITE: hold, resume, new address or codec) without dropping the ports.
     *
     * @throws IOException when the negotiated codec is unknown
     */
    void update(NegotiatedAudio negotiated) throws IOException;

    /** Sends silence instead of the microphone while {@code muted}. */
    void setMuted(boolean muted);

    /** Figures for a quality indicator; any thread. */
    org.parley.app.call.CallStats stats();

    /** Levels and devices now, read from volatile fields the media threads write; any thread, no locks. */
    org.parley.app.call.CallLevels levels();

    /** @return false when the peer takes no telephone-events */
    boolean sendDtmf(String digits);

    /** Stops audio and closes the ports; idempotent. */
    @Override
    void close();
}
