package org.parley.app.cli;

/**
 * Validates and cleans what the contact commands are given. {@link #address} and {@link #label} throw
 * {@link CliException} ({@link ExitCodes#USAGE}) with a sentence naming the input; {@link #clipped} never throws
 * (it is for imported data, which must not stop an import). Stateless.
 *
 * <p>Names and groups are one line of text: control characters (line breaks, tabs, escapes) become spaces and
 * surrounding white space is stripped, so a stored name can never break a table row or a terminal.
 */
final class ContactInput {
    /** Longest name or group, in code points. */
    static final int MAX_LABEL = 200;

    private ContactInput() {
    }

    /** The contact's address, normalised ("bob@host" → "sip:bob@host"). */
    static String address(String typed) {
        return AccountInput.aor(typed).toString();
    }

    /**
     * A name or group from the command line: cleaned, "" stays "" (it clears the field), null stays null (keep).
     *
     * @param what "--name" or "--group", for the error sentence
     */
    static String label(String typed, String what) {
        if (typed == null) {
            return null;
        }
        String clean = oneLine(typed);
        if (clean.codePointCount(0, clean.length()) > MAX_LABEL) {
            throw CliException.usage(what + " is longer than " + MAX_LABEL + " characters.");
        }
        return clean;
    }

    /** A name or group from an imported card: cleaned and cut to {@link #MAX_LABEL} code points. */
    static String clipped(String text) {
        if (text == null) {
            return null;
        }
        String clean = oneLine(text);
        if (clean.codePointCount(0, clean.length()) <= MAX_LABEL) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, MAX_LABEL - 1)).strip() + "…";
    }

    /** Control characters (C0, DEL, C1, line and paragraph separators) as spaces, then stripped. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c));
        return out.toString().strip();
    }
}
