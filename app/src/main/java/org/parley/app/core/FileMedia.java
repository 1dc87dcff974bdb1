package org.parley.app.core;

import java.io.IOException;
import java.nio.file.Path;
import org.parley.app.file.FileEnd;
import org.parley.app.sdp.FileSections;

/**
 * One file transfer's MSRP connection, as {@link FileTransfers} uses it. Created on the core thread before the
 * offer or answer is written (so its path and port can go into the SDP); the owner closes it exactly once.
 *
 * <p>Threading: methods are called on the core thread and never block on the network. The {@link Listener} is
 * called on the transfer's own I/O thread; implementations of it hand over to the core at once.
 */
interface FileMedia extends AutoCloseable {

    /** Our side, for the SDP. */
    FileSections.LocalMsrp local();

    /**
     * Receiver: waits for the sender's connection (we answered, so we are passive) and writes the file to a
     * temporary name in {@code directory}; it is renamed to a collision-free {@code safeName} only when complete and
     * its SHA-256 matches the offer.
     */
    void receive(FileSections.RemoteMsrp offer, Path directory, String safeName, Listener listener);

    /** Sender: connects to the answer's path (we offered, so we are active) and streams {@code file} from {@code offset}. */
    void send(FileSections.RemoteMsrp answer, Path file, long offset, Listener listener);

    /**
     * Receiver, after the whole file arrived and was checked (hash by the media, scan hook by the engine): tells
     * the sender the verdict with the final MSRP REPORT (RFC 4975 §7.1.2) — 200 for {@link FileEnd.Done}, an error
     * status with {@code verdict}'s reason otherwise. The sender's {@link Listener#finished} follows from it.
     */
    void confirm(FileEnd verdict);

    /**
     * Receiver resuming (we offered the pull, so we are active): connects to the answer's path and appends to
     * {@code partial} (kept from an {@link FileEnd.Interrupted} transfer); the whole-file hash is checked at the end.
     */
    void resumeReceive(FileSections.RemoteMsrp answer, Path directory, Path partial, String safeName,
            Listener listener);

    /** Sender answering a pull (we answer, so we are passive): waits for the connection, then sends from {@code offset}. */
    void serve(FileSections.RemoteMsrp pull, Path file, long offset, Listener listener);

    /**
     * The part kept after an {@link FileEnd.Interrupted} reception, for resuming. It survives {@link #close} only
     * after {@link #keepPartial}; otherwise close deletes it (the transfer ended another way, e.g. the peer's BYE
     * cancelled it).
     */
    java.util.Optional<Path> partial();

    /** Keeps the {@link #partial} part beyond {@link #close}, for a later resumption. */
    void keepPartial();

    /** Breaks the connection as a network failure would (no cancel, no REPORT): for tests of resumption. */
    void drop();

    /** Stops the transfer; the listener then reports {@link FileEnd.Cancelled} unless it already finished. */
    void cancel();

    /** Releases sockets and threads and deletes an unfinished temporary file. Idempotent. */
    @Override
    void close();

    /** Progress and the end of one transfer, on the transfer's I/O thread. */
    interface Listener {
        /** Bytes confirmed so far (sender: acknowledged by the receiver; receiver: written). */
        void progress(long bytes);

        /**
         * Called once. Receiver: {@link FileEnd.Done} when the file is complete and its hash matches (then the
         * engine calls {@link #confirm}), else {@link FileEnd.Failed} or {@link FileEnd.Cancelled}. Sender: {@link
         * FileEnd.Done} when the receiver's REPORT says 200, {@link FileEnd.Failed} with the receiver's reason
         * otherwise, or {@link FileEnd.Cancelled}.
         */
        void finished(FileEnd end);
    }

    /** Opens the connection side of one transfer. */
    interface Factory {
        /**
         * @param address our address for the path URI and {@code c=}
         * @param tls     MSRP over TLS (when the account signals over TLS)
         * @throws IOException when no port can be bound or no certificate made
         */
        FileMedia open(String address, boolean tls) throws IOException;
    }
}
