package org.parley.storage;

/** Storage failed. {@link #getMessage()} is a short sentence fit for a user; the cause has the detail. */
public class StorageException extends Exception {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
