package org.parley.app.contacts;

import java.util.Objects;

/**
 * A .vcf file that could not be imported as a whole (single cards that fail are {@link SkippedCard}s instead). The
 * message is one English sentence for the user.
 */
public final class VcardException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the file was refused. */
    public enum Reason {
        /** Larger than {@link VcardImporter#MAX_FILE_BYTES}; refused before reading. */
        TOO_LARGE,
        /** Could not be read from disk. */
        UNREADABLE,
        /** Has no vCard in it at all. */
        NO_CARDS
    }

    private final Reason reason;

    public VcardException(Reason reason, String sentence, Throwable cause) {
        super(sentence, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
