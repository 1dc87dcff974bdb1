package org.parley.storage;

/** The profile was written by a newer Parley (unknown key file or schema version). Nothing was changed. */
public class UnsupportedProfileException extends StorageException {
    private static final long serialVersionUID = 1L;

    public UnsupportedProfileException() {
        super("This profile was created by a newer version of Parley.");
    }
}
