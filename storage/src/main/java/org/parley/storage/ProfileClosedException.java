package org.parley.storage;

/** The profile was closed; reads throw this and writes complete exceptionally with it. */
public class ProfileClosedException extends StorageException {
    private static final long serialVersionUID = 1L;

    public ProfileClosedException() {
        super("The profile is closed.");
    }
}
