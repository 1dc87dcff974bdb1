package org.parley.app.sdp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An RFC 5547 {@code a=file-selector} value: which file an offer is about, by any of name, type, size and hash.
 * Parley always writes all four. The name is the offerer's text, NOT a path: whoever saves a file sanitises it.
 *
 * <p>Syntax (RFC 5547 §6): selectors separated by single spaces; {@code name:"…"} is quoted with {@code "}, {@code %},
 * CR and LF (and here every control character) percent-encoded in UTF-8; {@code type:} a media type with optional
 * {@code ;param="value"} parameters; {@code size:} decimal octets; {@code hash:} see {@link FileHash}. Unknown
 * selectors are ignored, as the RFC's extensibility asks.
 */
public record FileSelector(Optional<String> name, Optional<String> type, OptionalLong size, Optional<FileHash> hash) {
    /** Longest name accepted from a peer, in characters (the sanitiser shortens further). */
    public static final int MAX_NAME_CHARS = 4096;

    public FileSelector {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(size);
        Objects.requireNonNull(hash);
        if (size.isPresent() && size.getAsLong() < 0) {
            throw new IllegalArgumentException("Negative file size");
        }
        type.ifPresent(t -> {
            if (!isMediaType(t)) {
                throw new IllegalArgumentException("Invalid file type");
            }
        });
    }

    /** A selector with all four parts, as Parley offers a file. */
    public static FileSelector of(String name, String type, long size, FileHash hash) {
        return new FileSelector(Optional.of(name), Optional.of(type), OptionalLong.of(size), Optional.of(hash));
    }

    /** Reads a selector value; empty when a known selector is malformed (the offer is then refused). */
    public static Optional<FileSelector> parse(String value) {
        Optional<String> name = Optional.empty();
        Optional<String> type = Optional.empty();
        OptionalLong size = OptionalLong.empty();
        Optional<FileHash> hash = Optional.empty();
        List<String> parts = split(value);
        if (parts == null) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (part.startsWith("name:")) {
                String quoted = part.substring(5);
                if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
                    return Optional.empty();
                }
                name = decodeName(quoted.substring(1, quoted.length() - 1));
                if (name.isEmpty()) {
                    return Optional.empty();
                }
            } else if (part.startsWith("type:")) {
                String t = part.substring(5);
                if (!isMediaType(t)) {
                    return Optional.empty();
                }
                type = Optional.of(t);
            } else if (part.startsWith("size:")) {
                long n = Tokens.number(part.substring(5), 0, Long.MAX_VALUE);
                if (n < 0) {
                    return Optional.empty();
                }
                size = OptionalLong.of(n);
            } else if (part.startsWith("hash:")) {
                hash = FileHash.parse(part.substring(5));
                if (hash.isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new FileSelector(name, type, size, hash));
    }

    /** The value after {@code a=file-selector:}. */
    public String value() {
        List<String> parts = new ArrayList<>(4);
        name.ifPresent(n -> parts.add("name:\"" + encodeName(n) + "\""));
        type.ifPresent(t -> parts.add("type:" + t));
        size.ifPresent(s -> parts.add("size:" + s));
        hash.ifPresent(h -> parts.add("hash:" + h.text()));
        return String.join(" ", parts);
    }

    /** Splits on spaces outside double quotes; null on an unterminated quote or an empty part. */
    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ' ' && !quoted) {
                if (current.length() == 0) {
                    return null;
                }
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** Percent-encodes {@code "}, {@code %} and control characters; other characters stay UTF-8 text. */
    static String encodeName(String name) {
        StringBuilder text = new StringBuilder(name.length() + 8);
        name.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp == '"' || cp == '%') {
                text.append('%').append(Character.toUpperCase(Character.forDigit(cp >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(cp & 15, 16)));
            } else {
                text.appendCodePoint(cp);
            }
        });
        return text.toString();
    }

    static Optional<String> decodeName(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        byte[] raw = encoded.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '"' || b == '\r' || b == '\n' || b == 0) {
                return Optional.empty();
            }
            if (b == '%') {
                if (i + 2 >= raw.length || Character.digit(raw[i + 1], 16) < 0 || Character.digit(raw[i + 2], 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            String name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
            return name.isEmpty() || name.length() > MAX_NAME_CHARS ? Optional.empty() : Optional.of(name);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isMediaType(String t) {
        int semi = t.indexOf(';');
        String base = semi < 0 ? t : t.substring(0, semi);
        int slash = base.indexOf('/');
        return slash > 0 && Tokens.isToken(base.substring(0, slash)) && Tokens.isToken(base.substring(slash + 1))
                && t.length() <= 255 && Tokens.isText(t) && t.indexOf(' ') < 0;
    }
}
