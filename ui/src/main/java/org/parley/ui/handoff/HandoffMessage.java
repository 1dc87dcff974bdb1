package org.parley.ui.handoff;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The hand-off line format, version 1. One request line from the second launch, one reply line back, each UTF-8,
 * ending in LF, at most {@link #MAX_LINE} bytes with the LF:
 * <pre>
 *   PARLEY/1 OPEN &lt;link&gt;      a link from the command line (sip:, sips:, tel:, callto:)
 *   PARLEY/1 SHOW              bring the running window to the front
 *   OK                         done (the link will be shown as a question, never called directly)
 *   REFUSED &lt;sentence&gt;        not done; the sentence is for the user
 * </pre>
 * Anything else — other versions, invalid UTF-8, control characters, a missing LF — is garbage. Pure.
 */
public final class HandoffMessage {
    public static final int MAX_LINE = 2048;
    private static final String PREFIX = "PARLEY/1 ";

    /** A request: {@code link} is empty for SHOW. */
    public record Request(Optional<String> link) {
        public static Request show() {
            return new Request(Optional.empty());
        }

        public static Request open(String link) {
            return new Request(Optional.of(link));
        }

        /** The line, LF included. @throws IllegalArgumentException if the link would not fit or has controls */
        public byte[] encode() {
            String line = link.map(l -> PREFIX + "OPEN " + l).orElse(PREFIX + "SHOW");
            return HandoffMessage.encode(line);
        }
    }

    /** A reply; {@code sentence} is "" when ok. */
    public record Reply(boolean ok, String sentence) {
        public static Reply accepted() {
            return new Reply(true, "");
        }

        public static Reply refused(String sentence) {
            return new Reply(false, sentence);
        }

        public byte[] encode() {
            String clean = sentence.replaceAll("\\p{Cntrl}", " ");
            String line = ok ? "OK" : "REFUSED " + clean;
            while (line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE - 1) {
                line = line.substring(0, line.length() - 1);
            }
            return (line + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    private HandoffMessage() {
    }

    /** Reads a request line (without its LF); empty for garbage. */
    public static Optional<Request> parseRequest(ByteBuffer line) {
        return text(line).flatMap(s -> {
            if (s.equals(PREFIX + "SHOW")) {
                return Optional.of(Request.show());
            }
            if (s.startsWith(PREFIX + "OPEN ") && s.length() > PREFIX.length() + 5) {
                return Optional.of(Request.open(s.substring(PREFIX.length() + 5)));
            }
            return Optional.empty();
        });
    }

    /** Reads a reply line (without its LF); empty for garbage. */
    public static Optional<Reply> parseReply(ByteBuffer line) {
        return text(line).flatMap(s -> s.equals("OK") ? Optional.of(Reply.accepted())
                : s.startsWith("REFUSED ") ? Optional.of(Reply.refused(s.substring(8))) : Optional.empty());
    }

    private static byte[] encode(String line) {
        if (line.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The link contains control characters.");
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_LINE) {
            throw new IllegalArgumentException("The link is longer than the hand-off allows.");
        }
        return bytes;
    }

    private static Optional<String> text(ByteBuffer line) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(line).toString();
            return s.chars().anyMatch(Character::isISOControl) ? Optional.empty() : Optional.of(s);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
