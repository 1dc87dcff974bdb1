package org.parley.app.sip.validation;

/**
 * Internal signal of the raw screen: what is wrong with a message and of which kind. Carries no stack
 * trace (it is control flow on hostile input, not a bug).
 */
final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    enum Kind {
        /** Bad syntax or a value out of range: 400 for a request. */
        SYNTAX,
        /** SIP-Version other than SIP/2.0 in a request line: 505. */
        VERSION,
        /** An inconsistency that involves a method we do not know: 501. */
        UNKNOWN_METHOD,
        /** Content-Length unusable: the message's end is unknown. */
        FRAMING,
        /** Larger than the screen accepts. */
        TOO_LARGE
    }

    final Kind kind;

    Problem(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static Problem syntax(String message) {
        return new Problem(Kind.SYNTAX, message);
    }
}
