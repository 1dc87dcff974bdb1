package org.parley.app.presence;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A free-text presence note ("Back at four") with the language it is written in, if one was given
 * ({@code xml:lang}, e.g. {@code "de"} or {@code "pt-BR"}).
 *
 * <p>The text is always in canonical form (see {@link #of(String, String)}): characters XML 1.0 cannot carry are
 * dropped, line ends are {@code \n}, surrounding white space is stripped, at most {@link #MAX_LENGTH} code points.
 * So a note survives a PIDF write and read unchanged. A language that is not shaped like a language tag is dropped.
 * Immutable and thread-safe.
 */
public record Note(String text, Optional<String> language) {
    /** Longest note, in code points; longer received notes are cut, longer own notes refused. */
    public static final int MAX_LENGTH = 1000;

    /** The shape of a BCP 47 tag (RFC 5646), as {@code xml:lang} allows; anything else is dropped. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    public Note {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        if (!text.equals(canonical(text))) {
            throw new IllegalArgumentException("Note text is not canonical; use Note.of");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("A note has at most " + MAX_LENGTH + " characters.");
        }
        language = language.map(String::strip).filter(l -> LANGUAGE_TAG.matcher(l).matches());
    }

    /**
     * A note from user input or a received document: the text is made canonical.
     *
     * @param language the language tag, or {@code null}/blank when not given; dropped if not shaped like one
     * @throws IllegalArgumentException if the canonical text is longer than {@link #MAX_LENGTH} code points
     */
    public static Note of(String text, String language) {
        return new Note(canonical(text), Optional.ofNullable(language));
    }

    /** A note without a language. */
    public static Note of(String text) {
        return of(text, null);
    }

    /** A received note: canonical like {@link #of}, but cut to {@link #MAX_LENGTH} instead of refused. */
    static Note received(String text, String language) {
        String canonical = canonical(text);
        if (canonical.codePointCount(0, canonical.length()) > MAX_LENGTH) {
            canonical = canonical.substring(0, canonical.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return new Note(canonical, Optional.ofNullable(language));
    }

    /** Whether there is any text. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * The canonical form of a note text: drops code points XML 1.0 cannot carry (C0 controls but tab, LF and CR;
     * U+FFFE, U+FFFF; lone surrogates), turns CR LF and CR into LF, strips surrounding white space.
     */
    public static String canonical(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                out.append('\n');
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
            } else if (XmlChars.isAllowed(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().strip();
    }
}
