package org.parley.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.app.contacts.VcardException;
import org.parley.app.contacts.VcardImport;
import org.parley.app.contacts.VcardImporter;

/**
 * Reads the .vcf file named on the command line for {@code contact import}. Only a regular file is read (not a
 * directory, FIFO or device), and never more than {@link VcardImporter#MAX_FILE_BYTES} + 1 bytes, even if the file
 * grows while it is read. Every refusal is a {@link CliException} with {@link ExitCodes#USAGE} and one sentence
 * naming the file (absolute and normalised, so a path with ".." shows where it really points). Runs on the
 * caller's thread; stateless.
 */
final class VcardFile {
    private VcardFile() {
    }

    static VcardImport read(Path typed) {
        Path file = typed.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw CliException.usage(file + " is a directory, not a vCard file.");
        }
        if (!Files.exists(file)) {
            throw CliException.usage("There is no file " + file + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw CliException.usage(file + " is not a regular file.");
        }
        byte[] data = bytes(file);
        if (data.length > VcardImporter.MAX_FILE_BYTES) {
            throw tooLarge(file);
        }
        try {
            return new VcardImporter().read(data);
        } catch (VcardException e) {
            switch (e.reason()) {
                case NO_CARDS:
                    throw CliException.usage(file + " has no vCard in it.");
                case TOO_LARGE:
                    throw tooLarge(file);
                default:
                    throw new CliException(ExitCodes.USAGE, file + " cannot be read.", e);
            }
        }
    }

    private static byte[] bytes(Path file) {
        try {
            if (Files.size(file) > VcardImporter.MAX_FILE_BYTES) {
                throw tooLarge(file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes((int) VcardImporter.MAX_FILE_BYTES + 1);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, file + " cannot be read (" + reason(e) + ").", e);
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }

    private static CliException tooLarge(Path file) {
        return CliException.usage(file + " is larger than " + VcardImporter.MAX_FILE_BYTES / (1024 * 1024)
                + " MiB, the limit for a vCard import.");
    }
}
