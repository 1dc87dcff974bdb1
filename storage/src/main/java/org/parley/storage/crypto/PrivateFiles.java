package org.parley.storage.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only files (0600) and directories (0700). Modes are set with an explicit chmod after creation, so
 * the process umask cannot widen or narrow them. On file systems without POSIX permissions (Windows) files
 * are created without modes. Stateless and thread-safe; every write is fsync'ed before it is published.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    private PrivateFiles() {
    }

    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and missing parents) with mode 0700; an existing directory is left as it is. */
    public static boolean createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (isPosix(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
        } else {
            Files.createDirectory(dir);
        }
        return true;
    }

    /** Creates a new empty file with mode 0600. @throws FileAlreadyExistsException if it exists (never truncated) */
    public static void createFile(Path file) throws IOException {
        if (isPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
            Files.setPosixFilePermissions(file, FILE_MODE);
        } else {
            Files.createFile(file);
        }
    }

    /** Narrows an existing file to 0600 (logging a warning) if its mode is anything else; missing files are ignored. */
    public static void restrict(Path file) throws IOException {
        if (!isPosix(file) || !Files.isRegularFile(file)) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (!mode.equals(FILE_MODE)) {
            LOG.warn("{} had mode {}; setting it to rw-------", file.getFileName(),
                    PosixFilePermissions.toString(mode));
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
    }

    /** Publishes {@code content} at {@code target} without ever replacing an existing file. */
    public static void writeNew(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            try {
                Files.createLink(target, temp); // atomic and fails if target exists
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException exists) {
                    throw exists;
                }
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(temp, target); // no hard links here: a move without REPLACE_EXISTING
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        fsyncDirectory(target);
    }

    /** Replaces {@code target} atomically: readers see the old or the new content, never a mix. */
    public static void replace(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        fsyncDirectory(target);
    }

    private static Path writeTemp(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        createFile(temp);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Makes a rename durable. Not every platform can open a directory; there it is skipped. */
    private static void fsyncDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync directory {}", dir, e);
        }
    }
}
