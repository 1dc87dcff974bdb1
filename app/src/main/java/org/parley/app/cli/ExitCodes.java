package org.parley.app.cli;

/**
 * Process exit codes of the {@code parley} command. Documented in docs/cli.md; scripts depend on them,
 * so values never change meaning.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Storage failure or an unexpected error; the detail is in the log file. */
    public static final int FAILURE = 1;
    /**
     * Bad command line: unknown option, invalid address, port, transport, missing environment variable; a file named
     * on the command line that cannot be used (missing, a directory, unreadable, too large, no vCard; an export
     * target that exists without --force).
     */
    public static final int USAGE = 2;
    /** The passphrase does not unlock the profile. Nothing was changed. */
    public static final int WRONG_PASSPHRASE = 3;
    /** The named account (or any account, when none is configured) does not exist in the profile. */
    public static final int NO_SUCH_ACCOUNT = 4;
    /** {@code contact remove}: the account has no such contact. The same code as {@link #NO_SUCH_ACCOUNT}. */
    public static final int NO_SUCH_CONTACT = 4;
    /** {@code send}: the account could not register; stderr has the registration outcome. */
    public static final int REGISTRATION_FAILED = 5;
    /** {@code send}: the message reached the final state FAILED; stderr has the reason. */
    public static final int DELIVERY_FAILED = 6;
    /** {@code send}: no final answer within {@code --timeout}; the message stays in the outbox. */
    public static final int TIMEOUT = 7;

    private ExitCodes() {
    }
}
