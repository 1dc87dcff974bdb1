package org.parley.app.cli;

import java.io.Console;

/**
 * Asks the person at the terminal for a secret without echoing it. Called on the command's thread only.
 */
public interface PassphrasePrompt {

    /** False when there is no terminal to ask on (stdin/stdout redirected, a service, a test). */
    boolean interactive();

    /**
     * Shows {@code prompt} and reads one line without echo.
     *
     * @return the characters typed (the caller wipes them after use), or null at end of input
     */
    char[] read(String prompt);

    /** The process terminal, via {@link System#console()}. */
    static PassphrasePrompt terminal() {
        return new PassphrasePrompt() {
            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public char[] read(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readPassword("%s", prompt);
            }
        };
    }

    /** No terminal at all. */
    static PassphrasePrompt none() {
        return new PassphrasePrompt() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public char[] read(String prompt) {
                return null;
            }
        };
    }
}
