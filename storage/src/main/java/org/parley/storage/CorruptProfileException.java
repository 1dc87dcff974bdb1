package org.parley.storage;

/**
 * The profile's key file or database is damaged, or the database was replaced by a file Parley cannot read.
 * Parley never repairs, overwrites or re-creates such a file; the user has to restore it from a backup.
 */
public class CorruptProfileException extends StorageException {
    private static final long serialVersionUID = 1L;

    public CorruptProfileException(String message) {
        super(message);
    }

    public CorruptProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
