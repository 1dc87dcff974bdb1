package org.parley.app.sip.call;

import java.text.ParseException;
import java.util.function.BiConsumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.call.CallEnd;
import org.parley.app.sip.SipStackHost;
import org.parley.app.sip.call.SessionNegotiation.TooSmall;
import org.parley.app.sip.call.SessionNegotiation.UasDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changing an established call's session (RFC 3261 §14): our re-INVITE and its answer, the peer's re-INVITE
 * and ours to it (the listener makes the SDP answer, or the offer when the re-INVITE has none), glare (491), the
 * ACK for a 2xx, and session refreshes (RFC 4028: every re-INVITE refreshes; a refresh of ours repeats our last
 * SDP unchanged).
 *
 * <p>Threading: core thread only; owned by {@link CallSignalling}.
 */
final class CallReinvites {
    private static final Logger LOG = LoggerFactory.getLogger(CallReinvites.class);
    private static final String SDP = "sdp";

    private final SipStackHost host;
    private final CallSignalling.Listener listener;
    private final BiConsumer<CallLeg, CallEnd> bye;
    private CallSessionTimers timers;

    /** @param bye ends a call whose dialog turned out to be gone, with the given reason */
    CallReinvites(SipStackHost host, CallSignalling.Listener listener, BiConsumer<CallLeg, CallEnd> bye) {
        this.host = host;
        this.listener = listener;
        this.bye = bye;
    }

    /** Set once, right after construction (the timers refresh through this class). */
    void timers(CallSessionTimers sessionTimers) {
        this.timers = sessionTimers;
    }

    /**
     * Sends a re-INVITE with {@code offer} in the call's dialog (RFC 3261 §14). Only one at a time.
     *
     * @return false when the call is not confirmed or a re-INVITE is already under way
     */
    boolean send(CallLeg leg, byte[] offer) {
        if (leg.phase() != CallLeg.Phase.CONFIRMED || leg.reinvite() != null || leg.dialog() == null) {
            return false;
        }
        try {
            Request r = leg.dialog().createRequest(Request.INVITE);
            r.setHeader(leg.runtime().requests().contact());
            r.setContent(offer, host.headers().createContentTypeHeader("application", SDP));
            timers.addToReinvite(leg, r);
            ClientTransaction ct = host.provider().getNewClientTransaction(r);
            leg.reinvite(ct);
            leg.dialog().sendRequest(ct);
            leg.localSdp(offer);
            return true;
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.info("re-INVITE for call {} could not be sent", leg.callId(), e);
            leg.reinvite(null);
            return false;
        }
    }

    /** A session refresh (RFC 4028 §10): a re-INVITE with our last SDP, unchanged. False when none can go now. */
    boolean refresh(CallLeg leg) {
        return leg.localSdp() != null && send(leg, leg.localSdp());
    }

    /** The peer's re-INVITE in {@code leg}'s dialog: answered here (200 with our SDP, 422, 488 or 491). */
    void onReinvite(CallLeg leg, Request r, ServerTransaction st) {
        if (leg.phase() != CallLeg.Phase.CONFIRMED || leg.answerInAck()) {
            StatelessAnswers.send(host, st, r, 491); // not ready for a new offer yet (RFC 3261 §14.2)
            return;
        }
        if (leg.reinvite() != null) {
            StatelessAnswers.send(host, st, r, 491); // glare: both sides re-INVITE at once
            return;
        }
        UasDecision decision = timers.decide(r);
        if (decision instanceof TooSmall tooSmall) {
            timers.refuse(st, r, tooSmall);
            return;
        }
        byte[] offer = r.getRawContent() == null ? new byte[0] : r.getRawContent();
        // without an offer (a PBX refreshing or moving media) our 200 carries one and the ACK the answer
        byte[] body = offer.length == 0 ? listener.offerWanted(leg) : listener.reoffered(leg, offer);
        try {
            Response response = host.messages().createResponse(body == null ? 488 : 200, r);
            if (body != null) {
                response.addHeader(leg.runtime().requests().contact());
                response.setContent(body, host.headers().createContentTypeHeader("application", SDP));
                timers.addToResponse(response, decision);
            }
            st.sendResponse(response);
            if (body != null) {
                leg.localSdp(body);
                leg.answerInAck(offer.length == 0);
                timers.answered(leg, decision);
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.info("could not answer the re-INVITE of call {}", leg.callId(), e);
        }
    }

    /** A response to our re-INVITE (a refresh's answer changes no media and is not reported). */
    void onResponse(CallLeg leg, ResponseEvent event, Response response, int status, long cseq) {
        if (status < 200) {
            return;
        }
        leg.reinvite(null);
        boolean refresh = leg.timer().refreshing();
        if (status / 100 == 2) {
            ack(leg, event, cseq);
            timers.succeeded(leg, response);
            if (!refresh) {
                listener.reanswered(leg, response.getRawContent() == null ? new byte[0] : response.getRawContent());
            }
        } else if (status == 481 || status == 408) {
            // the dialog is gone on the other side (RFC 3261 §14.1, RFC 4028 §10)
            bye.accept(leg, refresh ? new CallEnd.SessionExpired() : new CallEnd.HungUp());
        } else if (refresh) {
            if (status == 422 && timers.raise(leg, response) && refresh(leg)) {
                return; // sent again with the peer's larger minimum; still refreshing
            }
            timers.refreshFailed(leg);
        } else {
            if (status == 422) {
                timers.raise(leg, response);
            }
            listener.reinviteFailed(leg, status);
        }
    }

    /** Our re-INVITE timed out: a refresh that does ends the call (RFC 4028 §10), another one is reported. */
    void onTimeout(CallLeg leg) {
        leg.reinvite(null);
        if (leg.timer().refreshing()) {
            bye.accept(leg, new CallEnd.SessionExpired());
        } else {
            listener.reinviteFailed(leg, 408);
        }
    }

    /** ACKs a 2xx to an INVITE of the call (jain-sip keeps the dialog's CSeq and route). */
    static void ack(CallLeg leg, ResponseEvent event, long cseq) {
        Dialog dialog = event.getDialog() != null ? event.getDialog() : leg.dialog();
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.info("ACK for call {} failed", leg.callId(), e);
        }
    }
}
