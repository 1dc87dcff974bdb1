package org.parley.app.core;

import java.time.Instant;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.sdp.Answer;
import org.parley.app.sdp.AudioCapabilities;
import org.parley.app.sdp.SdpSession;
import org.parley.app.sdp.SessionDescription;
import org.parley.app.sip.call.CallLeg;

/**
 * One call's state beyond its SIP leg: its media, SDP session and capabilities, the answer waiting for the user,
 * hold and transfer state, and what the history keeps (start, answer, codec).
 *
 * <p>Threading: core thread only; owned by {@link CallEngine}.
 */
final class ActiveCall {
    final CallLeg leg;
    final CallMedia media;
    final SdpSession sdp;
    final Instant started = Instant.now();
    Instant answered;
    String codec = "";
    String transferredTo;
    AudioCapabilities caps;
    SessionDescription ourOffer;
    Answer pendingAnswer;
    /** Incoming without an offer and not yet answered: our offer goes in the 200. */
    boolean lateOffer;
    /** Why the call ends when we end it ourselves (no usable answer, media failure), reported once by ended(). */
    CallEnd failure;
    CallAudio audio;
    boolean active;
    boolean localHold;
    boolean remoteHold;
    /** The hold state our re-INVITE in flight asks for. */
    Boolean wantedHold;
    String address;

    ActiveCall(CallLeg leg, CallMedia media, SdpSession sdp) {
        this.leg = leg;
        this.media = media;
        this.sdp = sdp;
    }

    /** An incoming call the user has not answered yet. */
    boolean unanswered() {
        return pendingAnswer != null || lateOffer;
    }

    /** Our (re-)offer for this call, held ({@code sendonly}/{@code inactive}) or not, stamped into its SDP session. */
    SessionDescription offer(boolean held) {
        return sdp.stamp(org.parley.app.sdp.AudioOffers.offer(sdp.origin(), caps,
                org.parley.app.sdp.LocalMedia.of(address, media.localRtpPort()),
                org.parley.app.sdp.Direction.forOffer(held, remoteHold)));
    }

    /** The state of an established call as its hold flags say. */
    CallState holdState() {
        return localHold ? CallState.ON_HOLD : remoteHold ? CallState.REMOTE_HOLD : CallState.ACTIVE;
    }
}
