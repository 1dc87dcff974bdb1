package org.parley.app.sip.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One message split into start line, header fields and body offset, without interpreting any value.
 * Octets are mapped 1:1 to chars (ISO-8859-1), so UTF-8 text survives as its octets and every index is an
 * octet index. Line ends are CRLF; a bare LF is tolerated, a bare CR is not. Folded header lines are
 * joined (the CRLF is removed, the leading whitespace kept). Linear in the input length: one pass over the
 * header section's octets, which are copied once into the strings of the start line and the fields; the body
 * is not read. While splitting it counts the header fields the screen asks about ({@link #count},
 * {@link #first}), so checking for missing or repeated fields does not scan the list again.
 */
final class RawMessage {

    /** A header field: the name as sent, its canonical lower-case long form, the unfolded trimmed value. */
    record Field(String name, String canonical, String value) {
    }

    /** The canonical names counted while splitting. */
    private static final String[] TRACKED = {
        HeaderNames.VIA, HeaderNames.TO, HeaderNames.FROM, HeaderNames.CALL_ID, HeaderNames.CSEQ,
        HeaderNames.MAX_FORWARDS, HeaderNames.CONTENT_TYPE, HeaderNames.CONTENT_LENGTH};

    final String startLine;
    final List<Field> fields;
    /** Index of the first body octet, or -1 when no empty line ends the header section. */
    final int bodyOffset;
    final int length;
    private final int[] counts;
    private final Field[] firsts;

    private RawMessage(String startLine, List<Field> fields, int bodyOffset, int length, int[] counts,
                       Field[] firsts) {
        this.startLine = startLine;
        this.fields = fields;
        this.bodyOffset = bodyOffset;
        this.length = length;
        this.counts = counts;
        this.firsts = firsts;
    }

    /** Splits {@code bytes}; throws a SYNTAX problem for lines that are not header fields. */
    static RawMessage split(byte[] bytes) throws Problem {
        int n = bytes.length;
        int pos = 0;
        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        while (pos < n && (bytes[pos] == '\r' || bytes[pos] == '\n')) {
            pos++;
        }
        if (pos == n) {
            throw Problem.syntax("Empty message");
        }
        int contentEnd = lineEnd(bytes, pos);
        String startLine = text(bytes, pos, contentEnd);
        pos = next(bytes, contentEnd);
        List<Field> fields = new ArrayList<>(16);
        int[] counts = new int[TRACKED.length];
        Field[] firsts = new Field[TRACKED.length];
        String name = null;
        String value = null;          // the value part of the field's first line, untrimmed
        StringBuilder folded = null;  // non-null once the field has continuation lines
        int bodyOffset = -1;
        while (pos < n) {
            int from = pos;
            contentEnd = lineEnd(bytes, from);
            pos = next(bytes, contentEnd);
            if (contentEnd == from) {
                bodyOffset = pos;
                break;
            }
            byte first = bytes[from];
            if (first == ' ' || first == '\t') {
                if (name == null) {
                    throw Problem.syntax("Continuation line without a header field");
                }
                if (folded == null) {
                    folded = new StringBuilder(value.length() + 2 * (contentEnd - from)).append(value);
                }
                appendLatin1(folded, bytes, from, contentEnd);
                continue;
            }
            if (name != null) {
                add(fields, counts, firsts, name, folded != null ? folded.toString() : value);
            }
            int colon = indexOf(bytes, from, contentEnd, (byte) ':');
            if (colon < 0) {
                throw Problem.syntax("Header line without a colon");
            }
            int nameEnd = colon;
            while (nameEnd > from && (bytes[nameEnd - 1] == ' ' || bytes[nameEnd - 1] == '\t')) {
                nameEnd--;
            }
            name = text(bytes, from, nameEnd);
            if (name.isEmpty() || !Chars.isToken(name)) {
                throw Problem.syntax("Invalid header field name");
            }
            value = text(bytes, colon + 1, contentEnd);
            folded = null;
        }
        if (name != null) {
            add(fields, counts, firsts, name, folded != null ? folded.toString() : value);
        }
        return new RawMessage(startLine, Collections.unmodifiableList(fields), bodyOffset, n, counts, firsts);
    }

    /** Octets after the header section; 0 when it is not terminated. */
    int bodyLength() {
        return bodyOffset < 0 ? 0 : length - bodyOffset;
    }

    /** How many fields have the canonical name {@code canonical}. */
    int count(String canonical) {
        int t = tracked(canonical);
        if (t >= 0) {
            return counts[t];
        }
        int c = 0;
        for (Field f : fields) {
            if (f.canonical.equals(canonical)) {
                c++;
            }
        }
        return c;
    }

    /** The first field with the canonical name {@code canonical}, or null. */
    Field first(String canonical) {
        int t = tracked(canonical);
        if (t >= 0) {
            return firsts[t];
        }
        for (Field f : fields) {
            if (f.canonical.equals(canonical)) {
                return f;
            }
        }
        return null;
    }

    /** The fields whose canonical name is {@code canonical}, in order. */
    List<Field> all(String canonical) {
        List<Field> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.canonical.equals(canonical)) {
                out.add(f);
            }
        }
        return out;
    }

    private static void add(List<Field> fields, int[] counts, Field[] firsts, String name, String value) {
        Field f = new Field(name, HeaderNames.canonical(name), value.strip());
        fields.add(f);
        int t = tracked(f.canonical);
        if (t >= 0 && counts[t]++ == 0) {
            firsts[t] = f;
        }
    }

    private static int tracked(String canonical) {
        for (int i = 0; i < TRACKED.length; i++) {
            if (TRACKED[i].equals(canonical)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The end of the line starting at {@code from} without its line end (LF, or CRLF; the message's last line
     * may have neither). A CR anywhere else in the line is a bare CR.
     */
    private static int lineEnd(byte[] b, int from) throws Problem {
        int n = b.length;
        for (int i = from; i < n; i++) {
            byte c = b[i];
            if (c == '\n') {
                return i > from && b[i - 1] == '\r' ? i - 1 : i;
            }
            if (c == '\r' && i + 1 < n && b[i + 1] != '\n') {
                throw Problem.syntax("Bare CR in header section");
            }
        }
        return n > from && b[n - 1] == '\r' ? n - 1 : n;
    }

    /** The start of the line after the one whose content ends at {@code contentEnd}. */
    private static int next(byte[] b, int contentEnd) {
        int i = contentEnd;
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        return i < b.length ? i + 1 : b.length;
    }

    private static int indexOf(byte[] b, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (b[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static void appendLatin1(StringBuilder out, byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append((char) (b[i] & 0xff));
        }
    }
}
