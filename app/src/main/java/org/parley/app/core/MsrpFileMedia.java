package org.parley.app.core;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import org.parley.app.file.FileEnd;
import org.parley.app.sdp.FileSections;
import org.parley.app.sip.tls.FingerprintTls;
import org.parley.media.file.FileOutcome;
import org.parley.media.file.IncomingFile;
import org.parley.media.msrp.ChunkSink;
import org.parley.media.msrp.FileReceiver;
import org.parley.media.msrp.FileSender;
import org.parley.media.msrp.MessageReceiver;
import org.parley.media.msrp.MsrpConfig;
import org.parley.media.msrp.MsrpListener;
import org.parley.media.msrp.MsrpProtocolException;
import org.parley.media.msrp.MsrpSession;
import org.parley.media.msrp.MsrpStatus;
import org.parley.media.msrp.MsrpUri;
import org.parley.media.msrp.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FileMedia} over media's MSRP: the sender connects ({@link MsrpSession#connect}) and streams with a {@link
 * FileSender}; the receiver listens on an ephemeral port ({@link MsrpListener}) and writes through a {@link
 * FileReceiver} that holds its success REPORT until {@link #confirm}. Over TLS both sides present a throw-away
 * certificate and pin the peer's SDP fingerprint ({@link FingerprintTls}).
 *
 * <p>Threading: the {@link FileMedia} methods return at once; everything that touches the network (connect, the
 * verdict REPORT, close) runs in order on this transfer's lane of a shared I/O pool, so the core thread never
 * blocks. Listener callbacks come from MSRP threads.
 */
final class MsrpFileMedia implements FileMedia {
    private static final Logger LOG = LoggerFactory.getLogger(MsrpFileMedia.class);
    private static final MsrpConfig CONFIG = MsrpConfig.DEFAULT;
    /** The sender's path port: the offerer never listens (RFC 4975 §5.4), the port only makes the URI whole. */
    private static final int DISCARD_PORT = 9;
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(60);
    private static final Duration VERDICT_PATIENCE = Duration.ofSeconds(10);
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "parley-msrp-io");
        t.setDaemon(true);
        return t;
    });

    private final String address;
    private final Optional<FingerprintTls> identity;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The lane: network steps of this transfer, one after another. */
    private CompletableFuture<Void> lane = CompletableFuture.completedFuture(null);
    private volatile MsrpUri local;
    private volatile MsrpListener listener;
    private volatile MsrpSession session;
    private volatile FileSender sender;
    private volatile FileReceiver receiver;
    private volatile Listener events;
    private volatile boolean verdictGiven;
    private volatile boolean receiverCancelled;
    private volatile Path partial;
    private volatile boolean keepPartial;

    private MsrpFileMedia(String address, boolean tls) {
        this.address = address;
        this.identity = tls ? Optional.of(FingerprintTls.create()) : Optional.empty();
        this.local = MsrpUri.local(tls, address, DISCARD_PORT);
    }

    static FileMedia.Factory factory() {
        return MsrpFileMedia::new;
    }

    @Override
    public FileSections.LocalMsrp local() {
        return new FileSections.LocalMsrp(address, local.effectivePort(), local.toString(),
                identity.map(FingerprintTls::sdpFingerprint));
    }

    @Override
    public void receive(FileSections.RemoteMsrp offer, Path directory, String safeName, Listener listener) {
        this.events = listener;
        long size = offer.file().selector().size().orElseThrow();
        byte[] sha256 = offer.file().selector().hash().orElseThrow().value();
        try {
            listen(offer);
            ensureDirectory(directory);
            FileReceiver r = new FileReceiver(IncomingFile.create(directory, safeName, size, sha256),
                    this::received, true);
            this.receiver = r;
            expect(offer, new CountingReceiver(r, listener, size, 0), s -> { });
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("file reception could not start: {}", e.toString());
            finished(new FileEnd.Failed("The file could not be received: " + e.getMessage()));
        }
    }

    @Override
    public void resumeReceive(FileSections.RemoteMsrp answer, Path directory, Path kept, String safeName,
            Listener listener) {
        this.events = listener;
        long size = answer.file().selector().size().orElseThrow();
        byte[] sha256 = answer.file().selector().hash().orElseThrow().value();
        later(() -> {
            try {
                IncomingFile file = IncomingFile.resume(directory, kept, safeName, size, sha256);
                FileReceiver r = new FileReceiver(file, this::received, true);
                receiver = r;
                MsrpSession s = MsrpSession.connect(local, peer(answer), sockets(answer),
                        new CountingReceiver(r, listener, size, file.received()), CONFIG);
                session = s;
                if (ended.get()) {
                    s.close();
                }
            } catch (IOException | IllegalArgumentException e) {
                LOG.info("resumed reception failed: {}", e.toString());
                finished(new FileEnd.Failed("The connection to the sender failed: " + e.getMessage()));
            }
        });
    }

    @Override
    public void serve(FileSections.RemoteMsrp pull, Path file, long offset, Listener listener) {
        this.events = listener;
        String type = pull.file().selector().type().orElse("application/octet-stream");
        try {
            listen(pull);
            expect(pull, chunk -> ChunkSink.refuse(MsrpStatus.UNSUPPORTED_MEDIA), s -> {
                FileSender f = FileSender.start(s, file, type, offset, (bytes, total) -> listener.progress(bytes));
                sender = f;
                f.outcome().thenAccept(outcome -> finished(sent(outcome)));
            });
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("serving a resumed file could not start: {}", e.toString());
            finished(new FileEnd.Failed("The file could not be sent: " + e.getMessage()));
        }
    }

    @Override
    public Optional<Path> partial() {
        return Optional.ofNullable(partial);
    }

    @Override
    public void keepPartial() {
        keepPartial = true;
    }

    @Override
    public void drop() {
        later(() -> {
            if (session != null) {
                session.close();
            }
        });
    }

    /** Listens (we answer, so we are passive) on an ephemeral port; our path names it. */
    private void listen(FileSections.RemoteMsrp peer) throws IOException {
        ServerSocketFactory servers = identity.isPresent()
                ? identity.get().context(pinned(peer)).getServerSocketFactory() : ServerSocketFactory.getDefault();
        this.listener = MsrpListener.open(InetAddress.getByName(address), new ClientAuthSockets(servers), CONFIG);
        this.local = this.listener.newLocalUri(address);
    }

    /** Waits (bounded) for the peer's connection; {@code bound} runs on the MSRP thread that accepted it. */
    private void expect(FileSections.RemoteMsrp peer, MessageReceiver receiver,
            java.util.function.Consumer<MsrpSession> bound) throws MsrpProtocolException {
        this.listener.expect(local, peer(peer), receiver)
                .orTimeout(CONNECT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((s, e) -> {
                    if (e != null) {
                        finished(new FileEnd.Failed("The other side never connected."));
                    } else {
                        session = s;
                        bound.accept(s);
                    }
                });
    }

    private SocketFactory sockets(FileSections.RemoteMsrp peer) {
        return identity.isPresent() ? identity.get().context(pinned(peer)).getSocketFactory()
                : SocketFactory.getDefault();
    }

    @Override
    public void send(FileSections.RemoteMsrp answer, Path file, long offset, Listener listener) {
        this.events = listener;
        String type = answer.file().selector().type().orElse("application/octet-stream");
        later(() -> {
            try {
                MsrpSession s = MsrpSession.connect(local, peer(answer), sockets(answer), chunk -> ChunkSink.refuse(
                        MsrpStatus.UNSUPPORTED_MEDIA), CONFIG);
                session = s;
                if (ended.get()) {
                    s.close();
                    return;
                }
                FileSender f = FileSender.start(s, file, type, offset, (bytes, total) -> listener.progress(bytes));
                sender = f;
                f.outcome().thenAccept(outcome -> finished(sent(outcome)));
            } catch (IOException | IllegalArgumentException e) {
                LOG.info("file connection failed: {}", e.toString());
                finished(new FileEnd.Failed("The connection to the receiver failed: " + e.getMessage()));
            }
        });
    }

    @Override
    public void confirm(FileEnd verdict) {
        FileReceiver r = receiver;
        if (r == null) {
            return;
        }
        verdictGiven = true;
        later(() -> {
            if (verdict instanceof FileEnd.Done) {
                r.verdict(MsrpStatus.OK, "");
            } else if (verdict instanceof FileEnd.Quarantined) {
                r.verdict(MsrpStatus.FORBIDDEN, "Flagged by the receiver's virus scan");
            } else {
                r.verdict(MsrpStatus.FORBIDDEN, verdict.reason());
            }
        });
    }

    @Override
    public void cancel() {
        later(() -> {
            FileSender f = sender;
            FileReceiver r = receiver;
            if (f != null) {
                f.cancel();
                // The message ends with '#' on the sender's thread: let it go out before close() ends the session,
                // so the receiver sees a cancel, not a broken connection.
                awaitPatiently(f.outcome(), "the cancelled sender did not finish in time");
            } else if (r != null) {
                r.cancel();
                receiverCancelled = true;
            }
            finished(new FileEnd.Cancelled(false));
        });
    }

    /** Waits up to {@link #VERDICT_PATIENCE} for {@code step}; if it fails or takes longer, logs {@code otherwise}. */
    private static void awaitPatiently(java.util.concurrent.Future<?> step, String otherwise) {
        try {
            step.get(VERDICT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug(otherwise);
        }
    }

    @Override
    public void close() {
        ended.set(true);
        later(() -> {
            FileReceiver r = receiver;
            if (r != null) {
                r.cancel(); // deletes an unfinished temporary file; nothing once the file is saved
            }
            MsrpSession s = session;
            if (s != null && (verdictGiven || receiverCancelled)) {
                // The REPORT, or the 413 that stops a cancelled sender, may still be on its way out (the reader
                // thread answers the chunk it is reading): the sender closes once it has it. Closing first would
                // end our output and the sender would see a broken connection instead.
                awaitPatiently(s.whenClosed(), "the sender did not close after our verdict; closing");
            }
            if (session != null) {
                session.close();
            }
            if (listener != null) {
                listener.close();
            }
            Path part = partial;
            if (part != null && !keepPartial) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    LOG.warn("the part of a cancelled file could not be deleted: {}", part, e);
                }
            }
        });
    }

    private synchronized void later(Runnable step) {
        lane = lane.thenRunAsync(step, IO).exceptionally(e -> {
            LOG.warn("MSRP step failed", e);
            return null;
        });
    }

    /** Reports the end once; nothing after {@link #close} (the engine has already decided). */
    private void finished(FileEnd end) {
        Listener l = events;
        if (l != null && ended.compareAndSet(false, true)) {
            l.finished(end);
        }
    }

    private void received(FileOutcome outcome) {
        if (outcome instanceof FileOutcome.Interrupted i) {
            partial = i.partial();
        }
        finished(receivedEnd(outcome));
    }

    private static FileEnd receivedEnd(FileOutcome outcome) {
        if (outcome instanceof FileOutcome.Saved s) {
            return new FileEnd.Done(Optional.of(s.path()), s.sha256(), s.size());
        } else if (outcome instanceof FileOutcome.Mismatch) {
            return new FileEnd.Failed("The file arrived damaged: its SHA-256 does not match the offer.");
        } else if (outcome instanceof FileOutcome.TooLong) {
            return new FileEnd.Failed("The sender sent more bytes than it offered.");
        } else if (outcome instanceof FileOutcome.Short s) {
            return new FileEnd.Failed("The file arrived incomplete: " + s.received() + " of " + s.offeredSize()
                    + " bytes.");
        } else if (outcome instanceof FileOutcome.Cancelled c) {
            return new FileEnd.Cancelled(c.byPeer());
        } else if (outcome instanceof FileOutcome.Interrupted i) {
            return new FileEnd.Interrupted(i.received(), -1); // the engine knows the total
        }
        return new FileEnd.Failed("The file could not be saved: " + ((FileOutcome.Failed) outcome).reason());
    }

    private static FileEnd sent(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Delivered d) {
            return new FileEnd.Done(Optional.empty(), "", d.bytes());
        } else if (outcome instanceof SendOutcome.Refused r) {
            if (r.status() == MsrpStatus.BAD_REQUEST) {
                return new FileEnd.Failed("The receiver found the file damaged (its hash did not match).");
            }
            return new FileEnd.Failed(r.comment().isBlank() || r.status() == MsrpStatus.STOP_SENDING
                    ? "The receiver stopped the transfer." : "The receiver refused the file: " + r.comment() + ".");
        } else if (outcome instanceof SendOutcome.Cancelled) {
            return new FileEnd.Cancelled(false);
        } else if (outcome instanceof SendOutcome.TimedOut) {
            return new FileEnd.Failed("The receiver stopped answering.");
        }
        return new FileEnd.Interrupted(((SendOutcome.Failed) outcome).acknowledged(), -1); // the engine knows the total
    }

    /** The peer's own URI: the last of its a=path (the first hop would be a relay; relays are not supported). */
    private static MsrpUri peer(FileSections.RemoteMsrp remote) throws MsrpProtocolException {
        List<String> path = remote.path();
        return MsrpUri.parse(path.get(path.size() - 1));
    }

    private static String pinned(FileSections.RemoteMsrp remote) {
        return remote.fingerprint().flatMap(FingerprintTls::sha256Of)
                .orElseThrow(() -> new IllegalArgumentException("the peer sent no usable a=fingerprint"));
    }

    private static void ensureDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
    }
}
