package org.parley.app.sip.call;

import java.text.ParseException;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.sip.SipStackHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changing an established call's session (RFC 3261 §14): our re-INVITE and its answer, the peer's re-INVITE
 * and ours to it (the listener makes the SDP answer), glare (491), and the ACK for a 2xx.
 *
 * <p>Threading: core thread only; owned by {@link CallSignalling}.
 */
final class CallReinvites {
    private static final Logger LOG = LoggerFactory.getLogger(CallReinvites.class);
    private static final String SDP = "sdp";

    private final SipStackHost host;
    private final CallSignalling.Listener listener;
    private final Consumer<CallLeg> bye;

    /** @param bye ends a call whose dialog turned out to be gone */
    CallReinvites(SipStackHost host, CallSignalling.Listener listener, Consumer<CallLeg> bye) {
        this.host = host;
        this.listener = listener;
        this.bye = bye;
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
            ClientTransaction ct = host.provider().getNewClientTransaction(r);
            leg.reinvite(ct);
            leg.dialog().sendRequest(ct);
            return true;
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.info("re-INVITE for call {} could not be sent", leg.callId(), e);
            leg.reinvite(null);
            return false;
        }
    }

    /** The peer's re-INVITE in {@code leg}'s dialog: answered here (200 with our SDP, 488 or 491). */
    void onReinvite(CallLeg leg, Request r, ServerTransaction st) {
        if (leg.phase() != CallLeg.Phase.CONFIRMED) {
            StatelessAnswers.send(host, st, r, 491); // not ready for a new offer yet (RFC 3261 §14.2)
            return;
        }
        if (leg.reinvite() != null) {
            StatelessAnswers.send(host, st, r, 491); // glare: both sides re-INVITE at once
            return;
        }
        byte[] offer = r.getRawContent() == null ? new byte[0] : r.getRawContent();
        byte[] answer = offer.length == 0 ? null : listener.reoffered(leg, offer);
        try {
            Response response = host.messages().createResponse(answer == null ? 488 : 200, r);
            if (answer != null) {
                response.addHeader(leg.runtime().requests().contact());
                response.setContent(answer, host.headers().createContentTypeHeader("application", SDP));
            }
            st.sendResponse(response);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.info("could not answer the re-INVITE of call {}", leg.callId(), e);
        }
    }

    /** A response to our re-INVITE. */
    void onResponse(CallLeg leg, ResponseEvent event, Response response, int status, long cseq) {
        if (status < 200) {
            return;
        }
        leg.reinvite(null);
        if (status / 100 == 2) {
            ack(leg, event, cseq);
            listener.reanswered(leg, response.getRawContent() == null ? new byte[0] : response.getRawContent());
        } else if (status == 481 || status == 408) {
            bye.accept(leg); // the dialog is gone on the other side (RFC 3261 §14.1)
        } else {
            listener.reinviteFailed(leg, status);
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
