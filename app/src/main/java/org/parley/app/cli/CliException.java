package org.parley.app.cli;

import org.parley.storage.StorageException;

/**
 * A failure the user caused or must act on. {@link #getMessage()} is one sentence printed on stderr as is;
 * {@link #exitCode()} becomes the process exit code (see {@link ExitCodes}). The cause, if any, is logged
 * to the log file only, never shown.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String sentence) {
        super(sentence);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String sentence, Throwable cause) {
        super(sentence, cause);
        this.exitCode = exitCode;
    }

    public static CliException usage(String sentence) {
        return new CliException(ExitCodes.USAGE, sentence);
    }

    /** Storage failed: its message is already a sentence fit for the user. */
    public static CliException storage(StorageException e) {
        return new CliException(ExitCodes.FAILURE, e.getMessage(), e);
    }

    public int exitCode() {
        return exitCode;
    }
}
