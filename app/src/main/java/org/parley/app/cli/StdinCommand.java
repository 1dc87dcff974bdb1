package org.parley.app.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** One command line read by {@code parley run}, already checked by {@link StdinCommandParser}. Immutable. */
sealed interface StdinCommand {

    /**
     * @param account sending account, or null for the default one
     * @param ref     the caller's correlation value (string or number), echoed back; null when absent
     */
    record Send(String to, String text, String account, JsonNode ref) implements StdinCommand {
    }

    record Typing(String to, boolean active, String account) implements StdinCommand {
    }

    record Quit() implements StdinCommand {
    }

    /** A line that is not a valid command; answered with an {@code error} event carrying {@code ref} if any. */
    record Invalid(String reason, JsonNode ref) implements StdinCommand {
    }
}
