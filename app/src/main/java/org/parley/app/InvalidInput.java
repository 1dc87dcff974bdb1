package org.parley.app;

import java.util.List;

/**
 * Input the core refuses (a malformed address, an empty message, …). The message is an English sentence fit for a
 * user (the CLI prints it); {@link #reason()} and {@link #args()} let a user interface show it in its own language
 * (the desktop app's bundle key is {@code input.REASON}, with the arguments as {@code {0}}, {@code {1}}).
 */
public final class InvalidInput extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why the input was refused; each has a translation in the desktop app's bundles. */
    public enum Reason {
        /** The address field is empty. */
        ADDRESS_EMPTY,
        /** {0} is not a SIP address. */
        NOT_A_SIP_ADDRESS,
        /** {0} has a port outside 1–65535 or not a number. */
        ADDRESS_PORT,
        /** {0} has characters not allowed in a user part. */
        ADDRESS_USER,
        /** {0} has characters not allowed in a host part. */
        ADDRESS_HOST,
        /** The server address {0} has an invalid port. */
        SERVER_PORT,
        /** {0} is not UDP, TCP or TLS. */
        TRANSPORT,
        /** The message is empty. */
        MESSAGE_EMPTY,
        /** The message is {0} long; the limit is {1}. */
        MESSAGE_TOO_LONG,
        /** The profile has no account yet. */
        NO_ACCOUNT,
        /** The accounts cannot be read from the profile. */
        ACCOUNTS_UNREADABLE
    }

    private final Reason reason;
    private final List<String> args;

    public InvalidInput(Reason reason, String english, String... args) {
        super(english);
        this.reason = reason;
        this.args = List.of(args);
    }

    public InvalidInput(Reason reason, String english, Throwable cause) {
        super(english, cause);
        this.reason = reason;
        this.args = List.of();
    }

    public Reason reason() {
        return reason;
    }

    public List<String> args() {
        return args;
    }
}
