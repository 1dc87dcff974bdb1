package org.parley.app.cli;

import org.parley.app.Parley;
import org.parley.storage.Profile;

/**
 * Opening and starting the core for {@code send} and {@code run}, with failures turned into one sentence
 * ({@link ExitCodes#FAILURE}); the detail goes to the log. Runs on the command's thread.
 */
final class CoreStart {
    private CoreStart() {
    }

    static Parley open(ParleyCommand root, Profile profile) {
        return open(root, profile, java.util.function.UnaryOperator.identity());
    }

    /** @param adjust changes a command makes to the core options (e.g. {@code run --busy-when-in-call}) */
    static Parley open(ParleyCommand root, Profile profile,
                       java.util.function.UnaryOperator<org.parley.app.core.CoreOptions> adjust) {
        try {
            return root.context().cores().open(profile, adjust.apply(root.coreOptions()));
        } catch (RuntimeException e) {
            throw failure("The messaging core could not be opened", e);
        }
    }

    static void start(Parley parley) {
        try {
            parley.start();
        } catch (RuntimeException e) {
            throw failure("The messaging core could not start", e);
        }
    }

    private static CliException failure(String what, RuntimeException e) {
        CliLog.DETAIL.error("{}", what, e);
        String detail = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                ? e.getMessage() : null;
        return new CliException(ExitCodes.FAILURE, what + (detail == null ? "." : ": " + detail));
    }
}
