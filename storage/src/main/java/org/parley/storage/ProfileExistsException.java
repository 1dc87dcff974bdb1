package org.parley.storage;

/** {@link Profiles#create} refused to write into a folder that already holds a profile (or files named like one). */
public class ProfileExistsException extends StorageException {
    private static final long serialVersionUID = 1L;

    public ProfileExistsException() {
        super("This folder already holds a Parley profile.");
    }

    public ProfileExistsException(String message) {
        super(message);
    }
}
