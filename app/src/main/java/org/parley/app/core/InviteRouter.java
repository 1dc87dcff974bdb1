package org.parley.app.core;

import java.util.HashMap;
import java.util.Map;
import org.parley.app.SipAddress;
import org.parley.app.call.CallEnd;
import org.parley.app.sdp.FileSections;
import org.parley.app.sdp.SdpException;
import org.parley.app.sdp.SdpParser;
import org.parley.app.sdp.SessionDescription;
import org.parley.app.sip.call.CallLeg;
import org.parley.app.sip.call.CallSignalling;

/**
 * Sends each INVITE dialog's events to the engine it belongs to: a new incoming dialog whose offer has a file
 * ({@code m=message} with RFC 5547 attributes) and no audio goes to {@link FileTransfers}, everything else to
 * {@link CallEngine}; dialogs the file engine starts are {@link #own owned} by it. Core thread only.
 */
final class InviteRouter implements CallSignalling.Listener {
    private final CallSignalling.Listener calls;
    private final CallSignalling.Listener files;
    private final Map<String, CallSignalling.Listener> fileDialogs = new HashMap<>();

    InviteRouter(CallSignalling.Listener calls, CallSignalling.Listener files) {
        this.calls = calls;
        this.files = files;
    }

    /** Routes the dialog {@code callId} (one the file engine started) to the file engine. */
    void own(String callId) {
        fileDialogs.put(callId, files);
    }

    private CallSignalling.Listener of(CallLeg leg) {
        return fileDialogs.getOrDefault(leg.callId(), calls);
    }

    static boolean isFileOffer(byte[] offer) {
        if (offer.length == 0) {
            return false;
        }
        try {
            SessionDescription sdp = SdpParser.parse(offer);
            return !FileSections.hasAudio(sdp) && sdp.media().stream().anyMatch(m -> m.media().equalsIgnoreCase("message")
                    && m.hasAttribute("file-selector"));
        } catch (SdpException e) {
            return false; // the call engine refuses it with 488 and logs why
        }
    }

    @Override
    public void incoming(CallLeg leg, String displayName, byte[] offer) {
        if (isFileOffer(offer)) {
            own(leg.callId());
        }
        of(leg).incoming(leg, displayName, offer);
    }

    @Override
    public void ringing(CallLeg leg) {
        of(leg).ringing(leg);
    }

    @Override
    public void answered(CallLeg leg, byte[] answer) {
        of(leg).answered(leg, answer);
    }

    @Override
    public void confirmed(CallLeg leg, java.util.Optional<byte[]> lateAnswer) {
        of(leg).confirmed(leg, lateAnswer);
    }

    @Override
    public byte[] offerWanted(CallLeg leg) {
        return of(leg).offerWanted(leg);
    }

    @Override
    public void ended(CallLeg leg, CallEnd end) {
        CallSignalling.Listener l = of(leg);
        fileDialogs.remove(leg.callId());
        l.ended(leg, end);
    }

    @Override
    public byte[] reoffered(CallLeg leg, byte[] offer) {
        return of(leg).reoffered(leg, offer);
    }

    @Override
    public void reanswered(CallLeg leg, byte[] answer) {
        of(leg).reanswered(leg, answer);
    }

    @Override
    public void reinviteFailed(CallLeg leg, int status) {
        of(leg).reinviteFailed(leg, status);
    }

    @Override
    public void referred(CallLeg leg, SipAddress target) {
        of(leg).referred(leg, target);
    }

    @Override
    public void transferOutcome(CallLeg leg, SipAddress target, int status) {
        of(leg).transferOutcome(leg, target, status);
    }
}
