package org.parley.ui.handoff;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The single-instance lock: an OS file lock ({@link FileChannel#tryLock()}) on a file in the profile directory.
 * The kernel drops it when the process ends however it ends, so a crash never leaves a stale lock; the file
 * itself stays and is reused. Thread-safe; {@link #close()} releases.
 */
public final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @return the lock, or empty when another process (or another holder in this JVM) has it
     * @throws IOException when the file cannot be opened
     */
    public static Optional<InstanceLock> tryAcquire(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new InstanceLock(channel, lock));
            }
        } catch (OverlappingFileLockException heldHere) {
            // Another InstanceLock of this JVM holds it (tests run two instances in one JVM).
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
