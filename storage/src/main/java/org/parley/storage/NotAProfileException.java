package org.parley.storage;

/** The folder holds no Parley profile, or its key file was not written by Parley. Nothing was changed. */
public class NotAProfileException extends StorageException {
    private static final long serialVersionUID = 1L;

    public NotAProfileException() {
        super("This folder does not hold a Parley profile.");
    }

    public NotAProfileException(String message) {
        super(message);
    }
}
