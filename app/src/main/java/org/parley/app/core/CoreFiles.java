package org.parley.app.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.parley.app.ParleyEvent;
import org.parley.app.SipAddress;
import org.parley.app.file.FileEnd;
import org.parley.app.sdp.FileDescription;
import org.parley.app.sdp.FileHash;
import org.parley.app.sdp.FileSelector;
import org.parley.app.sip.AccountRuntime;
import org.parley.app.sip.SipSignalling;
import org.parley.app.sip.call.CallSignalling;
import org.parley.storage.Direction;
import org.parley.storage.Profile;
import org.parley.storage.TransferRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-transfer face of the core: hashes files to send and scans received ones on a worker (never the core
 * thread), and gives {@link FileTransfers} what it needs from the rest of the core.
 *
 * <p>Threading: the public methods may be called from any thread; the engine runs on the core executor.
 */
final class CoreFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CoreFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final FileTransfers engine;
    private final FileSettings settings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-files");
        t.setDaemon(true);
        return t;
    });
    private final CoreThread core;

    CoreFiles(Supplier<SipSignalling> signalling, InviteRouter[] router, Profile profile, FileSettings settings,
            FileMedia.Factory media, Consumer<ParleyEvent> emit, CoreThread core) {
        this.settings = settings;
        this.core = core;
        this.engine = new FileTransfers(new Host(signalling, router, profile), media, settings, emit, core);
    }

    /** The engine, for the {@link InviteRouter}. */
    CallSignalling.Listener listener() {
        return engine;
    }

    /** Hashes {@code path} on the worker, then offers it on the core thread; completes with the transfer id. */
    CompletableFuture<String> send(String account, SipAddress to, Path path) {
        return send(account, to, path, java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #send(String, SipAddress, Path)}, with the description changed by {@code describe} before it is
     * offered: tests use it to play a lying or hostile sender (a wrong size or hash, a name that is a path).
     */
    CompletableFuture<String> send(String account, SipAddress to, Path path,
            java.util.function.UnaryOperator<FileDescription> describe) {
        return CompletableFuture.supplyAsync(() -> describe.apply(describe(path)), worker)
                .thenApplyAsync(file -> {
                    try {
                        return engine.send(account, to, path, file);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }, core);
    }

    CompletableFuture<Void> accept(String transferId, Optional<Path> directory) {
        return CompletableFuture.runAsync(() -> {
            try {
                engine.accept(transferId, directory);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, core);
    }

    CompletableFuture<String> resume(String transferId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.resume(transferId);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, core);
    }

    /** Breaks a transfer's connection as a network failure would (package tests of resumption). */
    void drop(String transferId) {
        core.execute(() -> engine.drop(transferId));
    }

    void cancel(String transferId) {
        core.execute(() -> engine.cancel(transferId));
    }

    void close() {
        worker.shutdownNow();
    }

    /** Reads a file to send: a regular file (symbolic links followed), its size, type guess and SHA-256. */
    private static FileDescription describe(Path path) {
        try {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException("There is no readable file " + path.getFileName() + ".");
            }
            long size = Files.size(path);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            try (InputStream in = Files.newInputStream(path)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sha.update(buffer, 0, n);
                    read += n;
                }
            }
            if (read != size) {
                throw new IllegalArgumentException("The file " + path.getFileName() + " changed while it was read.");
            }
            String type = Optional.ofNullable(Files.probeContentType(path)).filter(t -> t.indexOf('/') > 0)
                    .orElse("application/octet-stream");
            String name = path.getFileName().toString();
            byte[] id = new byte[18];
            RANDOM.nextBytes(id);
            Instant modified = Files.getLastModifiedTime(path).toInstant();
            return new FileDescription(FileSelector.of(name, type, size, FileHash.sha256(sha.digest())),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(id), "attachment",
                    Optional.of(RFC_5322.format(modified)), Optional.empty());
        } catch (IOException e) {
            throw new IllegalArgumentException("The file " + path.getFileName() + " cannot be read.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Host implements FileTransfers.Host {
        private final Supplier<SipSignalling> signalling;
        private final InviteRouter[] router;
        private final Profile profile;

        Host(Supplier<SipSignalling> signalling, InviteRouter[] router, Profile profile) {
            this.signalling = signalling;
            this.router = router;
            this.profile = profile;
        }

        @Override
        public CallSignalling signalling() {
            return signalling.get().calls();
        }

        @Override
        public AccountRuntime account(String id) {
            return signalling.get().account(id);
        }

        @Override
        public String localAddress(AccountRuntime account) {
            return signalling.get().localAddress(account);
        }

        @Override
        public void own(String callId) {
            router[0].own(callId);
        }

        @Override
        public void afterReceive(Path saved, Consumer<FileEnd> done) {
            ScanHookRunner.scan(settings, saved, worker, core, done);
        }

        @Override
        public void record(ActiveTransfer t, FileEnd end) {
            String hash = t.file.selector().hash().map(FileHash::hex).orElse("");
            TransferRecord row = new TransferRecord(0, t.leg.account(), t.leg.peer().toString(),
                    t.outgoing ? Direction.OUT : Direction.IN, t.outgoing ? t.name()
                    : org.parley.media.file.FileNames.sanitize(t.name()), t.file.selector().size().orElse(0), hash,
                    end.code(), Instant.now());
            try {
                profile.transfers().record(row).whenComplete((r, e) -> {
                    if (e != null) {
                        LOG.warn("transfer of {} not kept in the history", row.name(), e);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("transfer of {} not kept in the history", row.name(), e);
            }
        }
    }

    /** Moves a flagged file into quarantine, owner-only; files are never deleted silently. */
    static Path quarantine(Path file, Path quarantine) throws IOException {
        Files.createDirectories(quarantine);
        try {
            Files.setPosixFilePermissions(quarantine, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's default ACLs apply
        }
        Path target = quarantine.resolve(org.parley.media.file.FileNames.collisionFree(quarantine,
                file.getFileName().toString()));
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        if (Files.isSymbolicLink(target) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("quarantined file is not a regular file");
        }
        return target;
    }
}
