package org.parley.app.sip.call;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.parley.app.SipAddress;
import org.parley.app.sip.AccountRuntime;

/**
 * The SIP side of one call: its INVITE transaction, its dialog, and where it stands. Identified by its Call-ID.
 *
 * <p>Threading: core thread only; owned by {@link CallSignalling}.
 */
public final class CallLeg {
    /** Where the INVITE exchange stands (RFC 3261 §13, §17). */
    public enum Phase { INVITING, EARLY, ANSWERED, CONFIRMED, ENDED }

    private final String callId;
    private final AccountRuntime account;
    private final SipAddress peer;
    private final boolean outgoing;
    private Phase phase = Phase.INVITING;
    private Dialog dialog;
    private ClientTransaction inviteClient;
    private ServerTransaction inviteServer;
    private Request invite;
    private int challenges;
    private boolean cancelWanted;
    private ClientTransaction reinvite;
    private SipAddress referTarget;
    private final SessionTimer timer = new SessionTimer();
    private byte[] localSdp;
    private boolean answerInAck;
    private boolean tooSmallRetried;

    CallLeg(String callId, AccountRuntime account, SipAddress peer, boolean outgoing) {
        this.callId = callId;
        this.account = account;
        this.peer = peer;
        this.outgoing = outgoing;
    }

    public String callId() {
        return callId;
    }

    public String account() {
        return account.config().id();
    }

    public SipAddress peer() {
        return peer;
    }

    public boolean outgoing() {
        return outgoing;
    }

    public Phase phase() {
        return phase;
    }

    public AccountRuntime runtime() {
        return account;
    }

    void phase(Phase now) {
        phase = now;
    }

    Dialog dialog() {
        return dialog;
    }

    void dialog(Dialog d) {
        dialog = d;
    }

    ClientTransaction inviteClient() {
        return inviteClient;
    }

    void inviteClient(ClientTransaction ct) {
        inviteClient = ct;
    }

    ServerTransaction inviteServer() {
        return inviteServer;
    }

    void inviteServer(ServerTransaction st) {
        inviteServer = st;
    }

    Request invite() {
        return invite;
    }

    void invite(Request r) {
        invite = r;
    }

    int challenges() {
        return challenges;
    }

    void challenged() {
        challenges++;
    }

    /** Our re-INVITE in progress, or null. */
    ClientTransaction reinvite() {
        return reinvite;
    }

    void reinvite(ClientTransaction ct) {
        reinvite = ct;
    }

    /** Where our REFER in progress sends the peer, or null. */
    SipAddress referTarget() {
        return referTarget;
    }

    void referTarget(SipAddress target) {
        referTarget = target;
    }

    /** The call's session timer (RFC 4028). */
    SessionTimer timer() {
        return timer;
    }

    /** The last SDP we sent (offer or answer): the body of a refresh, which changes nothing (RFC 3264 §8). */
    byte[] localSdp() {
        return localSdp;
    }

    void localSdp(byte[] sdp) {
        localSdp = sdp;
    }

    /** Our last 2xx carried an offer (the INVITE had none): the ACK must carry the answer (RFC 3261 §13.2.1). */
    boolean answerInAck() {
        return answerInAck;
    }

    void answerInAck(boolean expected) {
        answerInAck = expected;
    }

    /** Our INVITE was already retried once after a 422 (RFC 4028 §7.3). */
    boolean tooSmallRetried() {
        return tooSmallRetried;
    }

    void tooSmallRetried(boolean retried) {
        tooSmallRetried = retried;
    }

    /** A CANCEL was asked for before any provisional response allowed sending one (RFC 3261 §9.1). */
    boolean cancelWanted() {
        return cancelWanted;
    }

    void wantCancel() {
        cancelWanted = true;
    }
}
