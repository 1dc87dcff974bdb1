package org.parley.app.core;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.app.ParleyEvent;
import org.parley.app.SipAddress;
import org.parley.app.call.CallEnd;
import org.parley.app.file.FileEnd;
import org.parley.app.file.FileOffer;
import org.parley.app.sdp.FileDescription;
import org.parley.app.sdp.FileSections;
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
 * File transfers (RFC 5547 over MSRP, RFC 4975): each transfer is its own INVITE dialog whose only stream is an
 * {@code m=message} section. The sender offers and connects; the receiver is asked (a {@link ParleyEvent.FileOffered}
 * and a 180), then accepts (200 with its path, and it listens), declines (603) or lets policy refuse (488). Whoever
 * finishes or cancels ends the dialog with BYE; a BYE before the end cancels.
 *
 * <p>Threading: core thread only (it is the {@link CallSignalling.Listener} for transfer dialogs, fed by
 * {@link InviteRouter}); the MSRP I/O threads report through {@link FileMedia.Listener}, which hops to the core.
 */
final class FileTransfers implements CallSignalling.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(FileTransfers.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PROGRESS_STEP_NANOS = 200_000_000L;
    private static final java.time.Duration SENDER_BYE_PATIENCE = java.time.Duration.ofSeconds(5);

    /** What the engine needs from the rest of the core. */
    interface Host {
        CallSignalling signalling();

        AccountRuntime account(String id);

        String localAddress(AccountRuntime account);

        /** Dialogs this engine starts are routed back to it. */
        void own(String callId);

        /** Runs the scan hook and quarantine off the core thread, then calls back on the core thread. */
        void afterReceive(Path saved, Consumer<FileEnd> done);

        /** Keeps the finished transfer in the history (name, size, hash, outcome; never the content). */
        void record(ActiveTransfer transfer, FileEnd end);
    }

    private final Host host;
    private final FileMedia.Factory media;
    private final org.parley.app.file.FilePolicy policy;
    private final Path downloads;
    private final Consumer<ParleyEvent> emit;
    private final java.util.concurrent.ScheduledExecutorService core;
    private final Map<String, ActiveTransfer> transfers = new HashMap<>();
    private final FileResumption resumption = new FileResumption();

    FileTransfers(Host host, FileMedia.Factory media, FileSettings settings, Consumer<ParleyEvent> emit,
            java.util.concurrent.ScheduledExecutorService core) {
        this.host = host;
        this.media = media;
        this.policy = settings.policy();
        this.downloads = settings.downloads();
        this.emit = emit;
        this.core = core;
    }

    /**
     * Offers {@code file} (already hashed off the core thread) to {@code to}.
     *
     * @return the transfer id
     * @throws IllegalArgumentException (user-fit sentence) when the account is not active or policy forbids the file
     * @throws IOException when no MSRP port can be opened
     */
    String send(String accountId, SipAddress to, Path source, FileDescription file) throws IOException {
        AccountRuntime account = host.account(accountId);
        if (account == null) {
            throw new IllegalArgumentException("The account " + accountId + " is not active.");
        }
        Optional<String> refused = policy.check(file.selector().name().orElse(""),
                file.selector().type().orElse(""), file.selector().size().orElse(0));
        if (refused.isPresent()) {
            throw new IllegalArgumentException("The file is not allowed by policy: " + refused.get() + ".");
        }
        String address = host.localAddress(account);
        FileMedia m = media.open(address, account.signalsOverTls());
        SdpSession sdp = new SdpSession(RANDOM.nextLong() & Long.MAX_VALUE, address);
        SessionDescription offer = sdp.stamp(FileSections.offer(sdp.origin(), m.local(), file));
        byte[] offerBytes = SdpWriter.bytes(offer);
        CallLeg leg = host.signalling().invite(account, to, offerBytes);
        ActiveTransfer t = new ActiveTransfer(leg, true, file, sdp, "");
        t.lastSdp = offerBytes;
        t.media = m;
        t.source = source;
        if (leg.phase() == CallLeg.Phase.ENDED) {
            m.close(); // ended() already ran and reported why
            return leg.callId();
        }
        host.own(leg.callId());
        transfers.put(leg.callId(), t);
        resumption.offered(new FileResumption.Offered(accountId, to.toString(), source, file, leg.callId()));
        return leg.callId();
    }

    /**
     * Asks the sender of a broken transfer ({@link FileEnd.Interrupted} here) for the rest of the file: a new
     * {@code recvonly} offer with {@code a=file-range} (RFC 5547 §8); the whole-file hash is checked at the end.
     *
     * @return the new transfer's id
     * @throws IllegalArgumentException (user-fit sentence) when there is no kept part for {@code transferId}
     */
    String resume(String transferId) throws IOException {
        FileResumption.Kept k = resumption.take(transferId).orElseThrow(() -> new IllegalArgumentException(
                "There is no broken transfer " + transferId + " to resume."));
        AccountRuntime account = host.account(k.account());
        if (account == null) {
            resumption.keep(transferId, k);
            throw new IllegalArgumentException("The account " + k.account() + " is not active.");
        }
        long received = java.nio.file.Files.size(k.partial());
        FileDescription rest = FileResumption.rest(k.description(), received);
        String address = host.localAddress(account);
        FileMedia m = media.open(address, account.signalsOverTls());
        SdpSession sdp = new SdpSession(RANDOM.nextLong() & Long.MAX_VALUE, address);
        byte[] offer = SdpWriter.bytes(sdp.stamp(FileSections.pull(sdp.origin(), m.local(), rest)));
        CallLeg leg = host.signalling().invite(account, k.peer(), offer);
        ActiveTransfer t = new ActiveTransfer(leg, false, rest, sdp, "");
        t.lastSdp = offer;
        t.media = m;
        t.kept = k;
        if (leg.phase() == CallLeg.Phase.ENDED) {
            m.close();
            return leg.callId();
        }
        host.own(leg.callId());
        transfers.put(leg.callId(), t);
        emit.accept(new ParleyEvent.FileResumed(k.account(), leg.callId(), transferId, k.peer().toString(),
                k.safeName(), false, received));
        return leg.callId();
    }

    /** Breaks a transfer's connection as a network failure would (tests of resumption). */
    void drop(String transferId) {
        ActiveTransfer t = transfers.get(transferId);
        if (t != null && t.media != null) {
            t.media.drop();
        }
    }

    /** Accepts an offered file into {@code directory} (empty: the downloads folder). */
    void accept(String transferId, Optional<Path> directory) throws IOException {
        ActiveTransfer t = transfers.get(transferId);
        if (t == null || t.outgoing || t.media != null) {
            throw new IllegalArgumentException("There is no file offer " + transferId + " to accept.");
        }
        String address = host.localAddress(t.leg.runtime());
        t.media = media.open(address, t.remote.tls());
        // Listening first: the answer carries the port, and the sender connects as soon as it has the 200.
        t.media.receive(t.remote, directory.orElse(downloads),
                org.parley.media.file.FileNames.sanitize(t.name()), listener(t));
        SessionDescription answer = t.sdp.stamp(FileSections.answer(t.sdp.origin(), t.media.local(), t.remote));
        t.lastSdp = SdpWriter.bytes(answer);
        host.signalling().answer(t.leg, t.lastSdp);
    }

    /** Declines an offer (603), or cancels a transfer under way (BYE). */
    void cancel(String transferId) {
        ActiveTransfer t = transfers.get(transferId);
        if (t == null) {
            return;
        }
        if (!t.outgoing && t.media == null) {
            host.signalling().reject(t.leg, 603);
            return;
        }
        if (t.media != null) {
            t.media.cancel();
        }
        end(t, new FileEnd.Cancelled(false));
    }

    // ---- CallSignalling.Listener ----

    @Override
    public void incoming(CallLeg leg, String displayName, byte[] offerBytes) {
        Optional<FileSections.RemoteMsrp> offer;
        try {
            offer = FileSections.read(SdpParser.parse(offerBytes));
        } catch (SdpException e) {
            offer = Optional.empty();
        }
        if (offer.isEmpty()) {
            LOG.info("{}: file offer from {} refused: no usable file description", leg.account(), leg.peer());
            host.signalling().reject(leg, 488);
            return;
        }
        FileSections.RemoteMsrp o = offer.get();
        if (leg.runtime().signalsOverTls() && (!o.tls() || o.fingerprint().flatMap(
                org.parley.app.sip.tls.FingerprintTls::sha256Of).isEmpty())) {
            LOG.info("{}: file offer from {} refused: no MSRP over TLS with a fingerprint on a TLS account",
                    leg.account(), leg.peer());
            host.signalling().reject(leg, 488);
            return;
        }
        String address = host.localAddress(leg.runtime());
        if (o.pull()) {
            servePull(leg, o, address, displayName);
            return;
        }
        ActiveTransfer t = new ActiveTransfer(leg, false, o.file(),
                new SdpSession(RANDOM.nextLong() & Long.MAX_VALUE, address), displayName);
        t.remote = o;
        String safe = org.parley.media.file.FileNames.sanitize(t.name());
        long size = o.file().selector().size().orElse(-1);
        Optional<String> refused = size < 0 ? Optional.of("the offer does not say its size")
                : o.file().selector().hash().filter(h -> h.algorithm().equals("sha-256")).isEmpty()
                ? Optional.of("the offer has no SHA-256 hash")
                : policy.check(safe, o.file().selector().type().orElse("application/octet-stream"), size);
        transfers.put(leg.callId(), t);
        if (refused.isPresent()) {
            LOG.info("{}: file offer {} from {} refused: {}", leg.account(), safe, leg.peer(), refused.get());
            finish(t, new FileEnd.Refused(refused.get())); // first: the 488 below ends the dialog at once
            host.signalling().reject(leg, 488);
            return;
        }
        host.signalling().ring(leg);
        emit.accept(new ParleyEvent.FileOffered(new FileOffer(leg.account(), leg.callId(), leg.peer().toString(),
                displayName, safe, size, o.file().selector().type().orElse("application/octet-stream"),
                o.file().selector().hash().orElseThrow().hex())));
    }

    /** The receiver of a broken transfer asks for the rest of a file we offered it: answered without asking. */
    private void servePull(CallLeg leg, FileSections.RemoteMsrp o, String address, String displayName) {
        Optional<FileResumption.Offered> file = resumption.find(leg.account(), leg.peer().toString(), o.file());
        long size = o.file().selector().size().orElse(-1);
        long offset = o.file().range().map(r -> r.offset()).orElse(0L);
        if (file.isEmpty() || offset > size) {
            LOG.info("{}: {} asks for a file we do not offer it (any more)", leg.account(), leg.peer());
            host.signalling().reject(leg, 488);
            return;
        }
        ActiveTransfer t = new ActiveTransfer(leg, true, o.file(),
                new SdpSession(RANDOM.nextLong() & Long.MAX_VALUE, address), displayName);
        t.remote = o;
        t.source = file.get().file();
        transfers.put(leg.callId(), t);
        try {
            t.media = media.open(address, o.tls());
        } catch (IOException e) {
            LOG.warn("{}: no MSRP port to resume {} for {}", leg.account(), t.name(), leg.peer(), e);
            finish(t, new FileEnd.Failed("The transfer could not be resumed: no network port."));
            host.signalling().reject(leg, 503);
            return;
        }
        t.media.serve(o, t.source, offset, listener(t));
        t.lastSdp = SdpWriter.bytes(t.sdp.stamp(FileSections.answer(t.sdp.origin(), t.media.local(), o)));
        host.signalling().answer(leg, t.lastSdp);
        emit.accept(new ParleyEvent.FileResumed(leg.account(), leg.callId(), file.get().transferId(),
                leg.peer().toString(), t.name(), true, offset));
    }

    @Override
    public void ringing(CallLeg leg) {
        // the receiver is being asked; nothing to show beyond "offered"
    }

    @Override
    public void answered(CallLeg leg, byte[] answerBytes) {
        ActiveTransfer t = transfers.get(leg.callId());
        if (t == null) {
            return;
        }
        Optional<FileSections.RemoteMsrp> answer;
        try {
            answer = FileSections.read(SdpParser.parse(answerBytes));
        } catch (SdpException e) {
            answer = Optional.empty();
        }
        if (answer.isEmpty() || !answer.get().file().transferId().equals(t.file.transferId())) {
            end(t, new FileEnd.Failed("The other side's answer does not accept the file."));
            return;
        }
        t.remote = answer.get();
        // Accepted: the sender's face moves from "waiting" to "sending" before the first byte is confirmed.
        emit.accept(new ParleyEvent.FileProgress(t.leg.account(), t.leg.callId(), 0,
                t.file.selector().size().orElse(-1)));
        if (t.kept != null) { // we pulled the rest of a file: we connect and receive
            t.media.resumeReceive(t.remote, t.kept.directory(), t.kept.partial(), t.kept.safeName(), listener(t));
            return;
        }
        long offset = t.file.range().map(r -> r.offset()).orElse(0L);
        t.media.send(t.remote, t.source, offset, listener(t));
    }

    @Override
    public void confirmed(CallLeg leg, Optional<byte[]> lateAnswer) {
        // the sender connects to us; nothing to do until its first chunk
    }

    @Override
    public byte[] offerWanted(CallLeg leg) {
        return null; // an offer-less re-INVITE would re-open the transfer's session: refused (488)
    }

    @Override
    public void ended(CallLeg leg, CallEnd end) {
        ActiveTransfer t = transfers.get(leg.callId());
        if (t == null || t.finished) {
            transfers.remove(leg.callId());
            return;
        }
        FileEnd result = endOf(t, end);
        if (t.media != null) {
            t.media.cancel();
        }
        finish(t, result);
    }

    /** A refresh (RFC 4028) or any re-INVITE: the transfer's session stays as it is; our description again. */
    @Override
    public byte[] reoffered(CallLeg leg, byte[] offer) {
        ActiveTransfer t = transfers.get(leg.callId());
        return t == null ? null : t.lastSdp;
    }

    @Override
    public void reanswered(CallLeg leg, byte[] answer) {
    }

    @Override
    public void reinviteFailed(CallLeg leg, int status) {
    }

    @Override
    public void referred(CallLeg leg, SipAddress target) {
        host.signalling().referProgress(leg, 603, "Not a call");
    }

    @Override
    public void transferOutcome(CallLeg leg, SipAddress target, int status) {
    }

    // ---- internals ----

    private FileMedia.Listener listener(ActiveTransfer t) {
        return new FileMedia.Listener() {
            @Override
            public void progress(long bytes) {
                core.execute(() -> onProgress(t, bytes));
            }

            @Override
            public void finished(FileEnd end) {
                core.execute(() -> onFinished(t, end));
            }
        };
    }

    private void onProgress(ActiveTransfer t, long bytes) {
        if (t.finished) {
            return;
        }
        t.bytes = bytes;
        long now = System.nanoTime();
        long total = t.file.selector().size().orElse(-1);
        if (now - t.lastProgress >= PROGRESS_STEP_NANOS || bytes == total) {
            t.lastProgress = now;
            emit.accept(new ParleyEvent.FileProgress(t.leg.account(), t.leg.callId(), bytes, total));
        }
    }

    private void onFinished(ActiveTransfer t, FileEnd reported) {
        if (t.finished) {
            return;
        }
        long total = t.file.selector().size().orElse(-1);
        FileEnd end = reported instanceof FileEnd.Done d
                ? new FileEnd.Done(d.saved(), t.file.selector().hash().map(h -> h.hex()).orElse(""), d.bytes())
                : reported instanceof FileEnd.Interrupted i ? new FileEnd.Interrupted(i.received(), total) : reported;
        if (end instanceof FileEnd.Interrupted && !t.outgoing) {
            t.media.partial().ifPresent(part -> {
                t.media.keepPartial();
                resumption.keep(t.leg.callId(), new FileResumption.Kept(t.leg.account(), t.leg.peer(), t.file, part,
                        org.parley.media.file.FileNames.sanitize(t.name())));
            });
        }
        if (t.outgoing) {
            end(t, end); // the receiver's verdict: BYE ends the dialog
            return;
        }
        if (end instanceof FileEnd.Done done && done.saved().isPresent()) {
            host.afterReceive(done.saved().get(), checked -> {
                FileEnd verdict = checked instanceof FileEnd.Done ? done : checked;
                t.media.confirm(verdict);
                received(t, verdict);
            });
            return;
        }
        t.media.confirm(end);
        received(t, end);
    }

    /**
     * The receiver's end: reported now; the sender ends the dialog once it has our REPORT, and if its BYE does not
     * come within {@link #SENDER_BYE_PATIENCE} we send ours.
     */
    private void received(ActiveTransfer t, FileEnd end) {
        if (t.finished) {
            return;
        }
        finish(t, end);
        core.schedule(() -> {
            if (transfers.get(t.leg.callId()) == t) {
                host.signalling().hangUp(t.leg);
            }
        }, SENDER_BYE_PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Reports the end and closes the dialog (BYE, or CANCEL while unanswered). */
    private void end(ActiveTransfer t, FileEnd end) {
        if (t.finished) {
            return;
        }
        finish(t, end);
        host.signalling().hangUp(t.leg);
    }

    private void finish(ActiveTransfer t, FileEnd end) {
        t.finished = true;
        if (t.media != null) {
            t.media.close();
        }
        LOG.info("{}: file {} {} {}: {}", t.leg.account(), t.name(), t.outgoing ? "to" : "from", t.leg.peer(),
                end.code());
        emit.accept(new ParleyEvent.FileEnded(t.leg.account(), t.leg.callId(), t.leg.peer().toString(),
                t.outgoing ? t.name() : org.parley.media.file.FileNames.sanitize(t.name()), t.outgoing, end));
        host.record(t, end);
    }

    private static FileEnd endOf(ActiveTransfer t, CallEnd end) {
        if (end instanceof CallEnd.Declined) {
            return new FileEnd.Declined();
        } else if (end instanceof CallEnd.RemoteHungUp) {
            return new FileEnd.Cancelled(true);
        } else if (end instanceof CallEnd.Cancelled) {
            return new FileEnd.Cancelled(!t.outgoing);
        } else if (end instanceof CallEnd.HungUp) {
            return new FileEnd.Cancelled(false);
        } else if (end instanceof CallEnd.Busy) {
            return new FileEnd.Failed("The other side is busy.");
        } else if (end instanceof CallEnd.NoAnswer) {
            return new FileEnd.Failed("The other side did not answer the offer.");
        } else if (end instanceof CallEnd.Rejected r && r.status() == 488) {
            return new FileEnd.Failed("The other side does not accept this file (488).");
        }
        return new FileEnd.Failed("The offer failed: " + end.code() + ".");
    }

}
