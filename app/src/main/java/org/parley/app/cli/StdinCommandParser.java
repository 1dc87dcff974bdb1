package org.parley.app.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.app.presence.Note;
import org.parley.app.presence.PresenceState;
import org.parley.app.presence.WatcherDecision;

/**
 * Parses one stdin line of the {@code run} protocol into a {@link StdinCommand}. Never throws: anything
 * that is not a well-formed command becomes {@link StdinCommand.Invalid} with a sentence saying what is
 * wrong. Unknown extra fields are ignored (forward compatibility). Thread-safe.
 */
final class StdinCommandParser {
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    StdinCommand parse(String line) {
        JsonNode root;
        try {
            root = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return new StdinCommand.Invalid("The line is not valid JSON (" + e.getOriginalMessage() + ").", null);
        }
        if (root == null || !root.isObject()) {
            return new StdinCommand.Invalid("A command must be a JSON object.", null);
        }
        JsonNode ref = root.get("ref");
        if (ref != null && !(ref.isTextual() || ref.isNumber() || ref.isNull())) {
            return new StdinCommand.Invalid("\"ref\" must be a string or a number.", null);
        }
        try {
            String cmd = requiredText(root, "cmd");
            switch (cmd) {
                case "send":
                    String text = requiredText(root, "text");
                    if (text.isEmpty()) {
                        throw new BadField("\"text\" must not be empty.");
                    }
                    return new StdinCommand.Send(requiredText(root, "to"), text, optionalText(root, "account"), ref);
                case "typing":
                    return new StdinCommand.Typing(requiredText(root, "to"), requiredBoolean(root, "active"),
                            optionalText(root, "account"));
                case "presence":
                    return presence(root, ref);
                case "contact_add":
                    return new StdinCommand.ContactAdd(requiredText(root, "address"), optionalText(root, "name"),
                            optionalText(root, "group"), optionalText(root, "account"), ref);
                case "contact_remove":
                    return new StdinCommand.ContactRemove(requiredText(root, "address"), optionalText(root, "account"),
                            ref);
                case "watcher":
                    return new StdinCommand.Watcher(requiredText(root, "watcher"), decision(root),
                            optionalText(root, "account"), ref);
                case "call":
                    return new StdinCommand.Call(requiredText(root, "to"), optionalText(root, "play"),
                            optionalText(root, "record"), optionalText(root, "account"), ref);
                case "answer":
                    return new StdinCommand.Answer(optionalText(root, "call"), optionalText(root, "play"),
                            optionalText(root, "record"), ref);
                case "hangup":
                    return new StdinCommand.Hangup(optionalText(root, "call"), ref);
                case "hold":
                    JsonNode held = root.get("held");
                    if (held != null && !held.isNull() && !held.isBoolean()) {
                        throw new BadField("\"held\" must be true or false.");
                    }
                    return new StdinCommand.Hold(optionalText(root, "call"), held == null || held.isNull()
                            || held.booleanValue(), ref);
                case "transfer":
                    return new StdinCommand.Transfer(requiredText(root, "to"), optionalText(root, "call"), ref);
                case "stats":
                    return new StdinCommand.Stats(optionalText(root, "call"), ref);
                case "dtmf":
                    String digits = requiredText(root, "digits");
                    if (!digits.matches("[0-9*#A-Da-d]{1,32}")) {
                        throw new BadField("\"digits\" must be 1 to 32 of 0-9, *, #, A-D.");
                    }
                    return new StdinCommand.Dtmf(digits.toUpperCase(java.util.Locale.ROOT),
                            optionalText(root, "call"), ref);
                case "send_file":
                    return new StdinCommand.SendFile(requiredText(root, "to"), requiredText(root, "path"),
                            optionalText(root, "account"), ref);
                case "accept_file":
                    return new StdinCommand.AcceptFile(optionalText(root, "transfer"), optionalText(root, "dir"), ref);
                case "decline_file":
                    return new StdinCommand.DeclineFile(optionalText(root, "transfer"), ref);
                case "resume_file":
                    return new StdinCommand.ResumeFile(requiredText(root, "transfer"), ref);
                case "cancel_file":
                    return new StdinCommand.CancelFile(optionalText(root, "transfer"), ref);
                case "quit":
                    return new StdinCommand.Quit();
                default:
                    return new StdinCommand.Invalid("Unknown command \"" + abbreviate(cmd)
                            + "\": use send, typing, presence, contact_add, contact_remove, watcher, call, answer, hangup, hold, transfer, dtmf, stats, send_file, accept_file, decline_file, resume_file, cancel_file or quit.", ref);
            }
        } catch (BadField e) {
            return new StdinCommand.Invalid(e.getMessage(), ref);
        }
    }

    private static StdinCommand presence(JsonNode root, JsonNode ref) {
        PresenceState state;
        try {
            state = PresenceNames.choosable(requiredText(root, "state"));
        } catch (IllegalArgumentException e) {
            throw new BadField(e.getMessage());
        }
        String note = optionalText(root, "note");
        return new StdinCommand.Presence(state, note == null ? "" : checkedNote(note), ref);
    }

    private static WatcherDecision decision(JsonNode root) {
        return switch (requiredText(root, "decision")) {
            case "allow" -> WatcherDecision.ALLOW;
            case "block" -> WatcherDecision.BLOCK;
            default -> throw new BadField("\"decision\" must be \"allow\" or \"block\".");
        };
    }

    /** The note as the core will publish it; refused when over {@link Note#MAX_LENGTH} characters. */
    private static String checkedNote(String note) {
        try {
            return Note.of(note).text();
        } catch (IllegalArgumentException e) {
            throw new BadField("\"note\" is longer than " + Note.MAX_LENGTH + " characters.");
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new BadField("Missing \"" + field + "\".");
        }
        if (!value.isTextual()) {
            throw new BadField("\"" + field + "\" must be a string.");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadField("\"" + field + "\" must be a string.");
        }
        return value.textValue();
    }

    private static boolean requiredBoolean(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new BadField("Missing \"" + field + "\".");
        }
        if (!value.isBoolean()) {
            throw new BadField("\"" + field + "\" must be true or false.");
        }
        return value.booleanValue();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Control flow inside this class only: a field is missing or has the wrong type. */
    private static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadField(String sentence) {
            super(sentence, null, false, false);
        }
    }
}
