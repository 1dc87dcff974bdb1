package org.parley.ui.handoff;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A directory only its owner can enter, for the hand-off socket: created with mode 0700 in one step (the
 * permissions are an attribute of the {@code mkdir}, so there is no moment with wider ones), and checked before
 * every use: a real directory, not a symbolic link, owned by this process's user, no access for group or
 * others. Stateless; thread-safe.
 */
final class PrivateDirectory {
    static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectory() {
    }

    /**
     * Creates {@code dir} (its parents with the usual permissions) unless it exists, then verifies it.
     *
     * @throws UnsafeDirectoryException when the directory exists but is not private to this user
     * @throws IOException              when it cannot be created or read
     */
    static Path prepare(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(MODE));
            } catch (FileAlreadyExistsException raced) {
                // Someone made it first: the checks below decide whether it is ours.
            }
        }
        verify(dir);
        return dir;
    }

    /** @throws UnsafeDirectoryException unless {@code dir} is a private directory of this user */
    static void verify(Path dir) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new UnsafeDirectoryException(dir + " is a symbolic link.");
        }
        if (!attributes.isDirectory()) {
            throw new UnsafeDirectoryException(dir + " is not a directory.");
        }
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!attributes.owner().equals(me)) {
            throw new UnsafeDirectoryException(dir + " belongs to " + attributes.owner().getName() + ".");
        }
        if (!attributes.permissions().equals(MODE)) {
            throw new UnsafeDirectoryException(dir + " has mode "
                    + PosixFilePermissions.toString(attributes.permissions()) + ", not rwx------.");
        }
    }

    /** The directory exists but others could reach into it; it is left alone and not used. */
    static final class UnsafeDirectoryException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsafeDirectoryException(String sentence) {
            super(sentence);
        }
    }
}
