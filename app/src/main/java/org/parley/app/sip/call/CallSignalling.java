package org.parley.app.sip.call;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.SipAddress;
import org.parley.app.call.CallEnd;
import org.parley.app.chat.Tags;
import org.parley.app.sip.AccountRuntime;
import org.parley.app.sip.ClientRequests;
import org.parley.app.sip.SipStackHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVITE dialogs (RFC 3261 §13–15, offer/answer bodies as opaque SDP): outgoing calls with digest retries,
 * provisional responses, ACK for 2xx, CANCEL, BYE; incoming calls with 180, 200 or a refusal, CANCEL and BYE.
 * jain-sip keeps the dialog (route set, CSeq, 2xx retransmission and ACK); this class keeps the call's phase.
 *
 * <p>Threading: core thread only. Failures to send are reported as {@link CallEnd.Failed} through the
 * listener, never thrown.
 */
public final class CallSignalling {
    private static final Logger LOG = LoggerFactory.getLogger(CallSignalling.class);
    private static final int MAX_CHALLENGES = 2;
    private static final String SDP = "sdp";

    /** What happens to calls, on the core thread. */
    public interface Listener {
        /** A new incoming call; {@code offer} is its SDP (empty when the caller sent none). */
        void incoming(CallLeg leg, String displayName, byte[] offer);

        /** 180/183 to our INVITE. */
        void ringing(CallLeg leg);

        /** 2xx to our INVITE (ACK already sent) with the answer SDP. */
        void answered(CallLeg leg, byte[] answer);

        /**
         * The ACK to our 2xx arrived: media may flow both ways. {@code lateAnswer} is present when our 2xx carried
         * the offer (the INVITE or re-INVITE had none): the SDP answer the ACK carries, empty bytes if it has none.
         */
        void confirmed(CallLeg leg, Optional<byte[]> lateAnswer);

        /** The call is over; called exactly once per leg. */
        void ended(CallLeg leg, CallEnd end);

        /** A re-INVITE from the peer (hold, resume, new media): our answer SDP, or null to refuse it (488). */
        byte[] reoffered(CallLeg leg, byte[] offer);

        /** A re-INVITE from the peer without SDP: our offer for the 200 (answer in the ACK), or null to refuse (488). */
        byte[] offerWanted(CallLeg leg);

        /** Our re-INVITE was accepted (ACK sent) with {@code answer}. */
        void reanswered(CallLeg leg, byte[] answer);

        /** Our re-INVITE was refused (491 glare, 488, ...) or not answered: the previous session stays. */
        void reinviteFailed(CallLeg leg, int status);

        /** The peer asks us to call {@code target} instead (REFER, RFC 3515); report with {@link #referProgress}. */
        void referred(CallLeg leg, SipAddress target);

        /** How our REFER went: the final status of the transferee's new call (or of the REFER itself). */
        void transferOutcome(CallLeg leg, SipAddress target, int status);
    }

    private final SipStackHost host;
    private final Listener listener;
    private final Map<String, CallLeg> legs = new HashMap<>();
    private final CallTransfers transfers;
    private final CallReinvites reinvites;
    private final CallSessionTimers timers;
    private final InviteResponses responses;

    /**
     * @param core     the core executor: session timers fall due on it
     * @param sessions what we accept and ask for in session timers (RFC 4028)
     */
    public CallSignalling(SipStackHost host, Listener listener, ScheduledExecutorService core,
                          SessionTimerPolicy sessions) {
        this.host = host;
        this.listener = listener;
        this.transfers = new CallTransfers(host, listener);
        this.reinvites = new CallReinvites(host, listener, this::bye);
        this.timers = new CallSessionTimers(host, core, sessions, new CallSessionTimers.Actions() {
            @Override
            public boolean refresh(CallLeg leg) {
                return reinvites.refresh(leg);
            }

            @Override
            public void expired(CallLeg leg) {
                LOG.info("call {}: no session refresh from {} in time; hanging up", leg.callId(), leg.peer());
                bye(leg, new CallEnd.SessionExpired());
            }
        });
        reinvites.timers(timers);
        this.responses = new InviteResponses(host, timers);
    }

    public Optional<CallLeg> leg(String callId) {
        return Optional.ofNullable(legs.get(callId));
    }

    /** Starts an outgoing call with {@code offer}; the outcome arrives through the listener. */
    public CallLeg invite(AccountRuntime account, SipAddress to, byte[] offer) {
        CallLeg leg = new CallLeg(UUID.randomUUID() + "@parley", account, to, true);
        legs.put(leg.callId(), leg);
        try {
            Request r = account.requests().outOfDialog(Request.INVITE, to, leg.callId(), Tags.random(), 1);
            r.addHeader(account.requests().contact());
            r.setContent(offer, host.headers().createContentTypeHeader("application", SDP));
            timers.addToInvite(r);
            account.authorizer().preemptive(r).ifPresent(r::setHeader);
            leg.localSdp(offer);
            sendInvite(leg, r);
        } catch (ParseException e) {
            end(leg, new CallEnd.Failed("invalid address " + to));
        }
        return leg;
    }

    /**
     * Ends a call: an incoming one not yet answered is declined (603); an outgoing one is cancelled while
     * unanswered (or as soon as a provisional response allows), and any answered call gets a BYE.
     */
    public void hangUp(CallLeg leg) {
        if (!leg.outgoing() && (leg.phase() == CallLeg.Phase.EARLY || leg.phase() == CallLeg.Phase.INVITING)) {
            reject(leg, 603); // an incoming call we never answered
            return;
        }
        switch (leg.phase()) {
            case INVITING -> leg.wantCancel();
            case EARLY -> cancel(leg);
            case ANSWERED, CONFIRMED -> bye(leg, new CallEnd.HungUp());
            case ENDED -> {
            }
        }
    }

    /** Tells the caller it rings (180 with our tag and Contact). */
    public void ring(CallLeg leg) {
        respond(leg, 180, null);
    }

    /**
     * Answers an incoming call (200) with {@code sdp}: the answer to its offer, or our offer when the INVITE had
     * none (the ACK then carries the answer, see {@link Listener#confirmed}). The ACK confirms the call.
     */
    public void answer(CallLeg leg, byte[] sdp) {
        if (leg.phase() == CallLeg.Phase.EARLY || leg.phase() == CallLeg.Phase.INVITING) {
            if (respond(leg, 200, sdp)) {
                leg.phase(CallLeg.Phase.ANSWERED);
                leg.localSdp(sdp);
                leg.answerInAck(offerless(leg.invite()));
                timers.answered(leg, timers.decide(leg.invite()));
            }
        }
    }

    /** Whether an incoming INVITE came without an offer (RFC 3261 §13.2.1: the 2xx then carries it). */
    public static boolean offerless(Request invite) {
        return invite.getRawContent() == null || invite.getRawContent().length == 0;
    }

    /** Refuses an incoming call (486 busy, 603 decline, 488 no common codec, 480 ...). */
    public void reject(CallLeg leg, int status) {
        if (leg.phase() == CallLeg.Phase.EARLY || leg.phase() == CallLeg.Phase.INVITING) {
            respond(leg, status, null);
            end(leg, status == 486 ? new CallEnd.Busy() : status == 603 ? new CallEnd.Declined()
                    : new CallEnd.Rejected(status, "refused"));
        }
    }

    /** See {@link CallReinvites#send}. */
    public boolean reinvite(CallLeg leg, byte[] offer) {
        return reinvites.send(leg, offer);
    }

    /** Asks the peer to call {@code target} instead (blind transfer, RFC 3515); the outcome comes as an event. */
    public boolean refer(CallLeg leg, SipAddress target) {
        return transfers.refer(leg, target);
    }

    /** See {@link CallTransfers#progress}. */
    public void referProgress(CallLeg leg, int status, String reason) {
        transfers.progress(leg, status, reason);
    }

    /**
     * A NOTIFY in one of our call dialogs (the progress of our REFER). Returns the status to answer with, or -1
     * when it belongs to no call.
     */
    public int onNotify(Request notify) {
        CallLeg leg = legs.get(((CallIdHeader) notify.getHeader(CallIdHeader.NAME)).getCallId());
        return leg == null ? -1 : transfers.onNotify(leg, notify);
    }

    // ---- from the stack (SipSignalling routes them here) ----

    /** An INVITE inside a dialog; returns false when it is about no call we know. */
    public boolean onReinvite(RequestEvent event, ServerTransaction st) {
        Request r = event.getRequest();
        CallLeg leg = legs.get(((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId());
        if (leg == null || st == null) {
            return false;
        }
        reinvites.onReinvite(leg, r, st);
        return true;
    }

    /** An INVITE outside a dialog, for {@code account}. */
    public void onInvite(RequestEvent event, ServerTransaction st, AccountRuntime account) {
        Request r = event.getRequest();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        if (legs.containsKey(callId)) {
            return; // a retransmission the transaction layer did not absorb
        }
        FromHeader from = (FromHeader) r.getHeader(FromHeader.NAME);
        SipAddress caller;
        try {
            caller = from.getAddress().getURI() instanceof SipURI u
                    ? SipAddress.parse(u.getScheme() + ":" + u.getUser() + "@" + u.getHost())
                    : SipAddress.parse(from.getAddress().getURI().toString());
        } catch (IllegalArgumentException e) {
            answerStateless(st, r, 400);
            return;
        }
        if (st == null) {
            return;
        }
        if (timers.decide(r) instanceof SessionNegotiation.TooSmall tooSmall) {
            timers.refuse(st, r, tooSmall); // RFC 4028 §9: before any dialog or ringing
            return;
        }
        CallLeg leg = new CallLeg(callId, account, caller, false);
        leg.inviteServer(st);
        leg.invite(r);
        try {
            leg.dialog(host.provider().getNewDialog(st));
        } catch (SipException e) {
            LOG.debug("no dialog for incoming INVITE {}", callId, e);
            answerStateless(st, r, 500);
            return;
        }
        legs.put(callId, leg);
        leg.phase(CallLeg.Phase.EARLY);
        String display = from.getAddress().getDisplayName();
        byte[] offer = r.getRawContent() == null ? new byte[0] : r.getRawContent();
        listener.incoming(leg, display == null ? "" : display, offer);
    }

    /** ACK, BYE, CANCEL or REFER; returns false when it is not about a call we know. */
    public boolean onRequest(RequestEvent event, ServerTransaction st) {
        Request r = event.getRequest();
        CallLeg leg = legs.get(((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId());
        if (leg == null) {
            return false;
        }
        switch (r.getMethod()) {
            case Request.ACK -> {
                Optional<byte[]> late = leg.answerInAck()
                        ? Optional.of(r.getRawContent() == null ? new byte[0] : r.getRawContent()) : Optional.empty();
                if (leg.phase() == CallLeg.Phase.ANSWERED || late.isPresent()) {
                    leg.phase(CallLeg.Phase.CONFIRMED);
                    leg.answerInAck(false);
                    listener.confirmed(leg, late);
                }
            }
            case Request.BYE -> {
                answerStateless(st, r, 200);
                end(leg, new CallEnd.RemoteHungUp());
            }
            case Request.REFER -> transfers.onRefer(leg, r, st);
            case Request.CANCEL -> {
                answerStateless(st, r, 200);
                if (leg.phase() == CallLeg.Phase.EARLY) {
                    respond(leg, 487, null);
                    end(leg, new CallEnd.Cancelled());
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A response; returns false when it is not for one of our INVITE, CANCEL or BYE transactions. */
    public boolean onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        CallLeg leg = legs.get(((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
        if (leg == null || cseq == null) {
            return false;
        }
        if (Request.REFER.equals(cseq.getMethod())) {
            transfers.onReferResponse(leg, response.getStatusCode());
            return true;
        }
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return true; // answers to CANCEL, BYE and our NOTIFYs change nothing
        }
        int status = response.getStatusCode();
        if (leg.reinvite() != null && event.getClientTransaction() == leg.reinvite()) {
            reinvites.onResponse(leg, event, response, status, cseq.getSeqNumber());
            return true;
        }
        if (event.getClientTransaction() == null && leg.phase() == CallLeg.Phase.CONFIRMED) {
            if (status / 100 == 2) {
                CallReinvites.ack(leg, event, cseq.getSeqNumber()); // a retransmitted 2xx: ACK again
            }
            return true;
        }
        if (status < 200) {
            if (status > 100 && leg.phase() == CallLeg.Phase.INVITING) {
                leg.phase(CallLeg.Phase.EARLY);
                if (leg.cancelWanted()) {
                    cancel(leg);
                    return true;
                }
            }
            if (status == 180 || status == 183) {
                listener.ringing(leg);
            }
            if (leg.phase() == CallLeg.Phase.INVITING) {
                leg.phase(CallLeg.Phase.EARLY); // 100: a CANCEL may now be sent
                if (leg.cancelWanted()) {
                    cancel(leg);
                }
            }
            return true;
        }
        if (status / 100 == 2) {
            onAnswered(leg, event, response, cseq.getSeqNumber());
            return true;
        }
        if (status == 422 && leg.phase() != CallLeg.Phase.ENDED && !leg.cancelWanted()) {
            Optional<Request> retry = retryTooSmall(leg, response);
            if (retry.isPresent()) {
                sendInvite(leg, retry.get());
                return true;
            }
        }
        if ((status == 401 || status == 407) && leg.challenges() < MAX_CHALLENGES && leg.phase() != CallLeg.Phase.ENDED
                && !leg.cancelWanted()) {
            Optional<Header> credentials = leg.runtime().authorizer().answer(leg.invite(), response,
                    leg.challenges() > 0 || leg.invite().getHeader("Proxy-Authorization") != null);
            if (credentials.isPresent()) {
                leg.challenged();
                sendInvite(leg, ClientRequests.nextAttempt(leg.invite(), credentials.get()));
                return true;
            }
        }
        if (leg.phase() != CallLeg.Phase.ENDED) {
            end(leg, leg.cancelWanted() && status == 487 ? new CallEnd.Cancelled()
                    : InviteResponses.endOf(status, response.getReasonPhrase()));
        }
        return true;
    }

    /** Our INVITE timed out. */
    public boolean onTimeout(ClientTransaction tx) {
        for (CallLeg leg : legs.values()) {
            if (leg.reinvite() == tx) {
                reinvites.onTimeout(leg);
                return true;
            }
            if (leg.inviteClient() == tx) {
                end(leg, new CallEnd.NoAnswer());
                return true;
            }
        }
        return false;
    }

    /** Ends every call (shutdown): BYE or CANCEL, without waiting for answers. */
    public void hangUpAll() {
        for (CallLeg leg : java.util.List.copyOf(legs.values())) {
            hangUp(leg);
            if (leg.phase() != CallLeg.Phase.ENDED) {
                end(leg, new CallEnd.HungUp());
            }
        }
    }



    private void onAnswered(CallLeg leg, ResponseEvent event, Response response, long cseq) {
        Dialog dialog = event.getDialog() != null ? event.getDialog() : leg.dialog();
        CallReinvites.ack(leg, event, cseq);
        if (leg.phase() == CallLeg.Phase.ENDED || leg.phase() == CallLeg.Phase.CONFIRMED) {
            return; // a 2xx retransmission, or the call was given up meanwhile (BYE below)
        }
        leg.dialog(dialog);
        leg.phase(CallLeg.Phase.CONFIRMED);
        if (leg.cancelWanted()) {
            bye(leg, new CallEnd.HungUp());
            return;
        }
        timers.succeeded(leg, response);
        listener.answered(leg, response.getRawContent() == null ? new byte[0] : response.getRawContent());
    }

    private void sendInvite(CallLeg leg, Request r) {
        leg.invite(r);
        try {
            ClientTransaction ct = host.provider().getNewClientTransaction(r);
            leg.inviteClient(ct);
            leg.dialog(host.provider().getNewDialog(ct));
            ct.sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.info("INVITE for call {} could not be sent", leg.callId(), e);
            end(leg, new CallEnd.Failed("could not reach the server"));
        }
    }

    private void cancel(CallLeg leg) {
        try {
            Request cancel = leg.inviteClient().createCancel();
            host.provider().getNewClientTransaction(cancel).sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.info("CANCEL for call {} failed", leg.callId(), e);
            end(leg, new CallEnd.Cancelled());
        }
    }

    private Optional<Request> retryTooSmall(CallLeg leg, Response response) {
        try {
            return timers.retryTooSmall(leg, response);
        } catch (ParseException e) {
            LOG.info("call {}: no retry after 422", leg.callId(), e);
            return Optional.empty();
        }
    }

    /** Ends the call with {@code end} and sends BYE when the dialog still stands. */
    private void bye(CallLeg leg, CallEnd end) {
        Dialog d = leg.dialog();
        end(leg, end);
        if (d == null || d.getState() == DialogState.TERMINATED) {
            return;
        }
        try {
            Request bye = d.createRequest(Request.BYE);
            ClientTransaction ct = host.provider().getNewClientTransaction(bye);
            d.sendRequest(ct);
        } catch (SipException | RuntimeException e) {
            LOG.info("BYE for call {} failed", leg.callId(), e);
        }
    }

    /** Sends a response to the incoming INVITE; a 2xx that cannot be sent ends the call. */
    private boolean respond(CallLeg leg, int status, byte[] sdp) {
        boolean sent = responses.send(leg, status, sdp);
        if (!sent && status < 300) {
            end(leg, new CallEnd.Failed("could not answer"));
        }
        return sent;
    }

    private void answerStateless(ServerTransaction st, Request r, int status) {
        StatelessAnswers.send(host, st, r, status);
    }

    private void end(CallLeg leg, CallEnd end) {
        if (leg.phase() == CallLeg.Phase.ENDED) {
            return;
        }
        leg.phase(CallLeg.Phase.ENDED);
        leg.timer().stop();
        legs.remove(leg.callId());
        listener.ended(leg, end);
    }
}
