package org.parley.app.presence;

import java.util.Objects;

/**
 * A presence body that was refused: too large, not well-formed, hostile or not PIDF. A protocol outcome, not a
 * bug: the caller logs it once (the message is one short English sentence) and keeps the contact's previous
 * state or shows unknown. Never carries the body itself.
 */
public final class PresenceDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the body was refused. */
    public enum Reason {
        /** Larger than the byte limit; refused before parsing. */
        TOO_LARGE,
        /** Nested deeper than the depth limit. */
        TOO_DEEP,
        /** More elements than the element limit. */
        TOO_MANY_ELEMENTS,
        /** Has a DOCTYPE (so possibly entity declarations: external entities, entity expansion). */
        DOCTYPE,
        /** Not well-formed XML (or an encoding the parser cannot read). */
        MALFORMED,
        /** Well-formed, but the root is not PIDF {@code <presence>}. */
        NOT_PIDF
    }

    private final Reason reason;

    public PresenceDocumentException(Reason reason, String sentence) {
        super(sentence);
        this.reason = Objects.requireNonNull(reason);
    }

    public PresenceDocumentException(Reason reason, String sentence, Throwable cause) {
        super(sentence, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
