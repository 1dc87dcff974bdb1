package org.parley.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.app.presence.PresenceState;

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

    /**
     * Set the user's own presence on every account.
     *
     * @param note the free-text note, "" for none; already checked against the note length limit
     */
    record Presence(PresenceState state, String note, JsonNode ref) implements StdinCommand {
    }

    /**
     * Add a contact, or update the one with the same address; null {@code name}/{@code group} keep the stored value.
     *
     * @param account the account whose contact list changes, or null for the default one
     */
    record ContactAdd(String address, String name, String group, String account, JsonNode ref)
            implements StdinCommand {
    }

    /** Remove a contact; {@code account} null for the default one. */
    record ContactRemove(String address, String account, JsonNode ref) implements StdinCommand {
    }

    /** {@code {"cmd":"watcher","watcher":URI,"decision":"allow"|"block"}}: allow or block a presence watcher. */
    record Watcher(String watcher, org.parley.app.presence.WatcherDecision decision, String account, JsonNode ref)
            implements StdinCommand {
    }

    /** {@code call}: call {@code to}, playing {@code play} and recording into {@code record} (WAV, optional). */
    record Call(String to, String play, String record, String account, JsonNode ref) implements StdinCommand {
    }

    /** {@code answer}: answer {@code call} (null: the one ringing). */
    record Answer(String call, String play, String record, JsonNode ref) implements StdinCommand {
    }

    /** {@code hangup}: end {@code call} (null: the only one). */
    record Hangup(String call, JsonNode ref) implements StdinCommand {
    }

    /** {@code hold}: hold ({@code held}) or resume {@code call} (null: the only one). */
    record Hold(String call, boolean held, JsonNode ref) implements StdinCommand {
    }

    /** {@code transfer}: blind-transfer {@code call} (null: the only one) to {@code to}. */
    record Transfer(String to, String call, JsonNode ref) implements StdinCommand {
    }

    /** {@code stats}: the audio figures of {@code call} (null: the only one). */
    record Stats(String call, JsonNode ref) implements StdinCommand {
    }

    /** {@code dtmf}: send {@code digits} in {@code call} (null: the only one). */
    record Dtmf(String digits, String call, JsonNode ref) implements StdinCommand {
    }

    /** {@code send_file}: offer the file at {@code path} to {@code to}. */
    record SendFile(String to, String path, String account, JsonNode ref) implements StdinCommand {
    }

    /** {@code accept_file}: accept {@code transfer} (null: the only offer) into {@code dir} (null: downloads). */
    record AcceptFile(String transfer, String dir, JsonNode ref) implements StdinCommand {
    }

    /** {@code decline_file}: decline {@code transfer} (null: the only offer). */
    record DeclineFile(String transfer, JsonNode ref) implements StdinCommand {
    }

    /** {@code resume_file}: ask for the rest of the broken incoming {@code transfer}. */
    record ResumeFile(String transfer, JsonNode ref) implements StdinCommand {
    }

    /** {@code cancel_file}: stop {@code transfer} (null: the only one), sending or receiving. */
    record CancelFile(String transfer, JsonNode ref) implements StdinCommand {
    }

    record Quit() implements StdinCommand {
    }

    /** A line that is not a valid command; answered with an {@code error} event carrying {@code ref} if any. */
    record Invalid(String reason, JsonNode ref) implements StdinCommand {
    }
}
