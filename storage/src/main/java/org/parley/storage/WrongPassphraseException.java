package org.parley.storage;

/** The passphrase does not unlock this profile. Nothing was changed. */
public class WrongPassphraseException extends StorageException {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException() {
        super("The passphrase is wrong.");
    }
}
