package org.parley.app.core;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.parley.app.ParleyEvent;
import org.parley.app.SipAddress;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.sdp.Answer;
import org.parley.app.sdp.AnswerReader;
import org.parley.app.sdp.AudioCapabilities;
import org.parley.app.sdp.AudioOffers;
import org.parley.app.sdp.AudioOutcome;
import org.parley.app.sdp.AudioRejection;
import org.parley.app.sdp.Direction;
import org.parley.app.sdp.LocalMedia;
import org.parley.app.sdp.NegotiatedAudio;
import org.parley.app.sdp.OtherMediaAnswerer;
import org.parley.app.sdp.SdpAnswerer;
import org.parley.app.sdp.SdpException;
import org.parley.app.sdp.SdpParser;
import org.parley.app.sdp.SdpSession;
import org.parley.app.sdp.SdpWriter;
import org.parley.app.sdp.SessionDescription;
import org.parley.app.sip.AccountRuntime;
import org.parley.app.sip.call.CallLeg;
import org.parley.app.sip.call.CallSignalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls: offer/answer (RFC 3264) between the SIP dialogs of {@link CallSignalling} and the media of
 * {@link CallMedia}; call states and ends as events; do-not-disturb refuses incoming calls; the presence hook
 * says "on the phone" while any call is up.
 *
 * <p>Threading: core thread only (it is the core's {@link CallSignalling.Listener}); media callbacks hop to it.
 */
final class CallEngine implements CallSignalling.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(CallEngine.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the engine needs from the rest of the core. */
    interface Host {
        CallSignalling signalling();

        AccountRuntime account(String id);

        /** The address to put into SDP for {@code account} (where the account's SIP traffic leaves). */
        String localAddress(AccountRuntime account);

        boolean doNotDisturb();

        /** Whether a call during a call rings (else it is refused as busy). */
        boolean callWaiting();

        void inCall(boolean active);

        /** The contact-list name of {@code peer} for {@code account}. */
        Optional<String> contactName(String account, String peer);

        /** Starts or stops the ring tone for incoming calls (idempotent; does nothing where ringing is off). */
        void ringing(boolean on);

        /** Keeps the finished call in the history; completes once stored (or failed: logged there). */
        CompletableFuture<?> record(CallLeg leg, Instant started,
                Optional<Instant> answered, CallEnd end, String codec);
    }

    private final Host host;
    private final CallMedia.Factory media;
    private final Consumer<ParleyEvent> emit;
    private final Executor core;
    private final Map<String, ActiveCall> calls = new HashMap<>();
    private final ReferralReports referrals;

    CallEngine(Host host, CallMedia.Factory media, Consumer<ParleyEvent> emit, Executor core) {
        this.host = host;
        this.referrals = new ReferralReports(host::signalling);
        this.media = media;
        this.emit = emit;
        this.core = core;
    }

    /** Starts a call; returns its id. */
    String call(String accountId, SipAddress to, CallAudio audio) throws IOException {
        AccountRuntime account = host.account(accountId);
        if (account == null) {
            throw new IllegalArgumentException("The account " + accountId + " is not active.");
        }
        String address = host.localAddress(account);
        CallMedia m = media.open(address);
        SdpSession sdp = new SdpSession(RANDOM.nextLong() & Long.MAX_VALUE, address);
        AudioCapabilities caps = media.capabilities(account.signalsOverTls());
        SessionDescription offer = sdp.stamp(AudioOffers.offer(sdp.origin(), caps,
                LocalMedia.of(address, m.localRtpPort()), Direction.SENDRECV));
        CallLeg leg = host.signalling().invite(account, to, SdpWriter.bytes(offer));
        ActiveCall c = new ActiveCall(leg, m, sdp);
        c.ourOffer = offer;
        c.audio = audio;
        c.address = address;
        c.caps = caps;
        if (leg.phase() == CallLeg.Phase.ENDED) {
            m.close(); // ended() already ran and reported why
            return leg.callId();
        }
        calls.put(leg.callId(), c);
        state(c, CallState.CALLING);
        return leg.callId();
    }

    void answer(String callId, CallAudio audio) {
        ActiveCall c = calls.get(callId);
        if (c == null || !c.unanswered()) {
            throw new IllegalArgumentException("There is no incoming call " + callId + " to answer.");
        }
        c.audio = audio;
        if (c.lateOffer) { // the INVITE had no offer: ours goes in the 200, media starts with the ACK's answer
            c.lateOffer = false;
            updateInCall();
            c.ourOffer = c.offer(false);
            host.signalling().answer(c.leg, SdpWriter.bytes(c.ourOffer));
            return;
        }
        SessionDescription answer = c.sdp.stamp(c.pendingAnswer.description());
        NegotiatedAudio negotiated = (NegotiatedAudio) c.pendingAnswer.audio();
        c.pendingAnswer = null;
        updateInCall(); // stops ringing unless another call rings
        // Ready to receive before the answer leaves (RFC 3264 §6.1): the caller sends as soon as it has the 200.
        startMedia(c, negotiated);
        if (calls.containsKey(callId)) {
            host.signalling().answer(c.leg, SdpWriter.bytes(answer)); // a failure ends the call, closing media
        }
    }

    void hangUp(String callId) {
        ActiveCall c = calls.get(callId);
        if (c == null) {
            return;
        }
        if (!c.leg.outgoing() && c.unanswered()) {
            host.signalling().reject(c.leg, 603);
        } else {
            host.signalling().hangUp(c.leg);
        }
    }

    /**
     * Puts an active call on hold ({@code sendonly}, or {@code inactive} when the peer holds us too) or resumes
     * it, by re-INVITE. The state event follows the peer's answer.
     *
     * @return false when the call is not active or a re-negotiation is already under way
     */
    boolean hold(String callId, boolean held) {
        ActiveCall c = calls.get(callId);
        if (c == null || !c.active || c.wantedHold != null || c.localHold == held) {
            return c != null && c.active && c.localHold == held;
        }
        SessionDescription offer = c.offer(held);
        if (!host.signalling().reinvite(c.leg, SdpWriter.bytes(offer))) {
            return false;
        }
        c.ourOffer = offer;
        c.wantedHold = held;
        return true;
    }

    /**
     * Blind transfer: asks the peer to call {@code target} (REFER). When that call is answered we leave this one
     * ({@link CallEnd.Transferred}); if it fails, this call goes on and {@link ParleyEvent.CallTransferFailed}
     * tells why.
     */
    boolean transfer(String callId, SipAddress target) {
        ActiveCall c = calls.get(callId);
        return c != null && c.active && host.signalling().refer(c.leg, target);
    }

    void setMuted(String callId, boolean muted) {
        ActiveCall c = calls.get(callId);
        if (c != null && c.active) {
            c.media.setMuted(muted);
        }
    }

    boolean sendDtmf(String callId, String digits) {
        ActiveCall c = calls.get(callId);
        return c != null && c.active && c.media.sendDtmf(digits);
    }

    /** The call's audio figures, when it is active. */
    Optional<org.parley.app.call.CallStats> stats(String callId) {
        ActiveCall c = calls.get(callId);
        return c != null && c.active ? Optional.of(c.media.stats()) : Optional.empty();
    }

    /** The call's levels and devices, when it is active. */
    Optional<org.parley.app.call.CallLevels> levels(String callId) {
        ActiveCall c = calls.get(callId);
        return c != null && c.active ? Optional.of(c.media.levels()) : Optional.empty();
    }

    /** Shutdown: every call ends. */
    void hangUpAll() {
        host.signalling().hangUpAll();
    }

    boolean busy() {
        return calls.values().stream().anyMatch(c -> c.active);
    }

    // ---- CallSignalling.Listener ----

    @Override
    public void incoming(CallLeg leg, String displayName, byte[] offerBytes) {
        if (host.doNotDisturb()) {
            LOG.info("{}: call from {} refused: do not disturb", leg.account(), leg.peer());
            host.signalling().reject(leg, 486);
            return;
        }
        if (busy() && !host.callWaiting()) {
            LOG.info("{}: call from {} refused: already in a call", leg.account(), leg.peer());
            host.signalling().reject(leg, 486);
            return;
        }
        SessionDescription offer = null; // none: we offer in the 200 (RFC 3261 §13.2.1)
        try {
            offer = offerBytes.length == 0 ? null : SdpParser.parse(offerBytes);
        } catch (SdpException e) {
            LOG.info("{}: call from {} refused: {}", leg.account(), leg.peer(), e.getMessage());
            host.signalling().reject(leg, 488);
            return;
        }
        String address = host.localAddress(leg.runtime());
        CallMedia m;
        try {
            m = media.open(address);
        } catch (IOException e) {
            LOG.warn("{}: no RTP ports for a call from {}", leg.account(), leg.peer(), e);
            host.signalling().reject(leg, 503);
            return;
        }
        SdpSession sdp = new SdpSession(RANDOM.nextLong() & Long.MAX_VALUE, address);
        AudioCapabilities caps = media.capabilities(leg.runtime().signalsOverTls());
        Answer answer = offer == null ? null : SdpAnswerer.answer(offer, caps, LocalMedia.of(address,
                m.localRtpPort()), sdp.origin(), false, OtherMediaAnswerer.REJECT_ALL);
        if (answer != null && answer.audio() instanceof AudioRejection r) {
            LOG.info("{}: call from {} refused: {}", leg.account(), leg.peer(), r.sentence());
            m.close();
            host.signalling().reject(leg, 488);
            return;
        }
        ActiveCall c = new ActiveCall(leg, m, sdp);
        c.pendingAnswer = answer;
        c.lateOffer = answer == null;
        c.address = address;
        c.caps = caps;
        calls.put(leg.callId(), c);
        host.signalling().ring(leg);
        host.ringing(true);
        String peer = leg.peer().toString();
        Optional<String> name = host.contactName(leg.account(), peer);
        boolean mismatch = name.isPresent() && !displayName.isBlank()
                && !displayName.strip().equalsIgnoreCase(name.get().strip());
        emit.accept(new ParleyEvent.CallIncoming(leg.account(), leg.callId(), peer, displayName, name.orElse(""),
                mismatch));
        state(c, CallState.INCOMING);
    }

    @Override
    public void ringing(CallLeg leg) {
        ActiveCall c = calls.get(leg.callId());
        if (c != null) {
            state(c, CallState.RINGING);
        }
    }

    @Override
    public void answered(CallLeg leg, byte[] answerBytes) {
        ActiveCall c = calls.get(leg.callId());
        if (c == null) {
            return;
        }
        AudioOutcome outcome;
        try {
            outcome = AnswerReader.read(c.ourOffer, SdpParser.parse(answerBytes), c.caps);
        } catch (SdpException e) {
            outcome = new AudioRejection.InvalidAnswer(e.getMessage());
        }
        if (outcome instanceof NegotiatedAudio negotiated) {
            startMedia(c, negotiated);
        } else {
            String why = ((AudioRejection) outcome).sentence();
            LOG.info("{}: call with {} answered without usable audio: {}", leg.account(), leg.peer(), why);
            c.failure = new CallEnd.Failed(why);
            host.signalling().hangUp(leg); // ended() reports c.failure
        }
    }

    @Override
    public byte[] reoffered(CallLeg leg, byte[] offerBytes) {
        ActiveCall c = calls.get(leg.callId());
        if (c == null || !c.active) {
            return null;
        }
        Answer answer;
        try {
            answer = SdpAnswerer.answer(SdpParser.parse(offerBytes), c.caps,
                    LocalMedia.of(c.address, c.media.localRtpPort()), c.sdp.origin(), c.localHold,
                    OtherMediaAnswerer.REJECT_ALL);
        } catch (SdpException e) {
            LOG.info("{}: re-INVITE from {} refused: {}", leg.account(), leg.peer(), e.getMessage());
            return null;
        }
        if (!(answer.audio() instanceof NegotiatedAudio negotiated)) {
            LOG.info("{}: re-INVITE from {} refused: {}", leg.account(), leg.peer(),
                    ((AudioRejection) answer.audio()).sentence());
            return null;
        }
        try {
            c.media.update(negotiated);
        } catch (IOException e) {
            LOG.info("{}: re-INVITE from {} refused: {}", leg.account(), leg.peer(), e.getMessage());
            return null;
        }
        c.remoteHold = negotiated.heldByRemote();
        state(c, c.holdState());
        return SdpWriter.bytes(c.sdp.stamp(answer.description()));
    }

    @Override
    public void reanswered(CallLeg leg, byte[] answerBytes) {
        ActiveCall c = calls.get(leg.callId());
        if (c == null || c.wantedHold == null) {
            return;
        }
        boolean held = c.wantedHold;
        c.wantedHold = null;
        AudioOutcome outcome;
        try {
            outcome = AnswerReader.read(c.ourOffer, SdpParser.parse(answerBytes), c.caps);
        } catch (SdpException e) {
            outcome = new AudioRejection.InvalidAnswer(e.getMessage());
        }
        if (!(outcome instanceof NegotiatedAudio negotiated)) {
            LOG.info("{}: answer to our re-INVITE unusable: {}", leg.account(),
                    ((AudioRejection) outcome).sentence());
            return;
        }
        try {
            c.media.update(negotiated);
        } catch (IOException e) {
            LOG.warn("{}: media update after re-INVITE failed", leg.account(), e);
            return;
        }
        c.localHold = held;
        state(c, c.holdState());
    }

    @Override
    public void reinviteFailed(CallLeg leg, int status) {
        ActiveCall c = calls.get(leg.callId());
        if (c != null) {
            LOG.info("{}: re-INVITE to {} refused ({})", leg.account(), leg.peer(), status);
            c.wantedHold = null;
            state(c, c.holdState()); // unchanged: the faces learn the hold did not happen
        }
    }

    @Override
    public void referred(CallLeg leg, SipAddress target) {
        ActiveCall c = calls.get(leg.callId());
        if (c == null) {
            host.signalling().referProgress(leg, 481, "ActiveCall Does Not Exist");
            return;
        }
        LOG.info("{}: {} transfers us to {}", leg.account(), leg.peer(), target);
        try {
            String next = call(leg.account(), target, c.audio);
            if (calls.containsKey(next)) {
                referrals.placed(next, leg);
            } else {
                host.signalling().referProgress(leg, 503, "Service Unavailable");
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("{}: transfer to {} could not be started", leg.account(), target, e);
            host.signalling().referProgress(leg, 503, "Service Unavailable");
        }
    }

    @Override
    public void transferOutcome(CallLeg leg, SipAddress target, int status) {
        ActiveCall c = calls.get(leg.callId());
        if (c == null) {
            return;
        }
        if (status / 100 == 2) {
            LOG.info("{}: {} transferred to {}", leg.account(), leg.peer(), target);
            c.transferredTo = target.toString();
            host.signalling().hangUp(leg);
        } else {
            emit.accept(new ParleyEvent.CallTransferFailed(leg.account(), leg.callId(), target.toString(), status));
        }
    }

    @Override
    public void confirmed(CallLeg leg, Optional<byte[]> lateAnswer) {
        ActiveCall c = calls.get(leg.callId());
        if (c != null && c.active && lateAnswer.isPresent()) {
            reanswered(leg, lateAnswer.get());
        } else if (c != null && lateAnswer.isPresent()) { // else media already flows since the 200 was sent
            answered(leg, lateAnswer.get()); // no usable answer: BYE, ended as Failed
        }
    }

    @Override
    public byte[] offerWanted(CallLeg leg) {
        ActiveCall c = calls.get(leg.callId());
        if (c == null || !c.active || c.wantedHold != null) {
            return null;
        }
        c.ourOffer = c.offer(c.localHold);
        c.wantedHold = c.localHold; // the ACK's answer goes through reanswered()
        return SdpWriter.bytes(c.ourOffer);
    }

    @Override
    public void ended(CallLeg leg, CallEnd end) {
        ActiveCall c = calls.remove(leg.callId());
        if (c != null) {
            c.media.close();
        }
        updateInCall();
        CallEnd why = c == null ? end : c.failure != null ? c.failure
                : c.transferredTo != null && end instanceof CallEnd.HungUp ? new CallEnd.Transferred(c.transferredTo) : end;
        referrals.report(leg.callId(), null, why);
        finish(leg, c, why);
    }

    /** Records the call in the history, then tells the faces (so a history reload sees it). */
    private void finish(CallLeg leg, ActiveCall c, CallEnd end) {
        Instant started = c != null ? c.started : Instant.now();
        Optional<Instant> answered = c == null ? Optional.empty() : Optional.ofNullable(c.answered);
        String codec = c == null ? "" : c.codec;
        host.record(leg, started, answered, end, codec).handleAsync((ok, failure) -> {
            emit.accept(new ParleyEvent.CallEnded(leg.account(), leg.callId(), leg.peer().toString(), end));
            return null;
        }, core);
    }

    private void startMedia(ActiveCall c, NegotiatedAudio negotiated) {
        String callId = c.leg.callId();
        try {
            c.media.start(negotiated, c.audio, new CallMedia.Listener() {
                @Override
                public void dtmf(char digit) {
                    core.execute(() -> emit.accept(new ParleyEvent.DtmfReceived(c.leg.account(), callId, digit)));
                }

                @Override
                public void timeout() {
                    core.execute(() -> {
                        LOG.info("{}: no audio from {} for too long; hanging up", c.leg.account(), c.leg.peer());
                        host.signalling().hangUp(c.leg);
                    });
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: media for the call with {} failed", c.leg.account(), c.leg.peer(), e);
            c.failure = new CallEnd.Failed("The audio could not be started: " + e.getMessage());
            host.signalling().hangUp(c.leg); // ended() reports c.failure
            return;
        }
        c.active = true;
        c.answered = Instant.now();
        c.codec = negotiated.send().encoding() + "/" + negotiated.send().clockRate();
        state(c, CallState.ACTIVE);
        updateInCall();
    }

    private void state(ActiveCall c, CallState s) {
        referrals.report(c.leg.callId(), s, null);
        emit.accept(new ParleyEvent.CallStateChanged(c.leg.account(), c.leg.callId(), c.leg.peer().toString(), s));
    }

    private void updateInCall() {
        host.inCall(busy());
        host.ringing(calls.values().stream().anyMatch(ActiveCall::unanswered));
    }
}
