package org.parley.app.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file readable by its owner only (mode 0600 where the file system has POSIX permissions), atomically:
 * the data goes to a temporary file in the same directory, is forced to disk, and then takes the target's name in
 * one step, so a reader never sees a half-written file and a failure leaves no partial target behind.
 *
 * <p>Without {@code replace} an existing target is never overwritten, even one created while writing (the new
 * file is hard-linked into place, which fails if the name exists; where hard links are not supported it is
 * checked just before the rename). Failures are {@link CliException}s: an existing target is
 * {@link ExitCodes#USAGE}, an I/O error {@link ExitCodes#FAILURE}. Stateless.
 */
final class PrivateFileWriter {
    private PrivateFileWriter() {
    }

    /** @param target absolute, normalised path whose directory exists */
    static void write(Path target, byte[] data, boolean replace) {
        Path temp = null;
        try {
            temp = createPrivateTemp(target.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                placeWithoutReplacing(temp, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
        } catch (IOException e) {
            CliLog.DETAIL.warn("writing {} failed", target, e);
            throw new CliException(ExitCodes.FAILURE, "Cannot write " + target + ".", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    static CliException exists(Path target) {
        return CliException.usage(target + " already exists; add --force to replace it.");
    }

    private static void placeWithoutReplacing(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            CliLog.DETAIL.debug("no hard link for {}; renaming instead", target, e);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path createPrivateTemp(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".parley-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, ".parley-", ".tmp");
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            CliLog.DETAIL.warn("could not delete the temporary file {}", temp, e);
        }
    }
}
