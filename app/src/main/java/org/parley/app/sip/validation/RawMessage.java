package org.parley.app.sip.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One message split into start line, header fields and body offset, without interpreting any value.
 * Octets are mapped 1:1 to chars (ISO-8859-1), so UTF-8 text survives as its octets and every index is an
 * octet index. Line ends are CRLF; a bare LF is tolerated, a bare CR is not. Folded header lines are
 * joined (the CRLF is removed, the leading whitespace kept). Linear in the input length.
 */
final class RawMessage {

    /** A header field: the name as sent, its canonical lower-case long form, the unfolded trimmed value. */
    record Field(String name, String canonical, String value) {
    }

    final String startLine;
    final List<Field> fields;
    /** Index of the first body octet, or -1 when no empty line ends the header section. */
    final int bodyOffset;
    final int length;

    private RawMessage(String startLine, List<Field> fields, int bodyOffset, int length) {
        this.startLine = startLine;
        this.fields = fields;
        this.bodyOffset = bodyOffset;
        this.length = length;
    }

    /** Splits {@code bytes}; throws a SYNTAX problem for lines that are not header fields. */
    static RawMessage split(byte[] bytes) throws Problem {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int n = text.length();
        int pos = 0;
        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        while (pos < n && (text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
            pos++;
        }
        if (pos == n) {
            throw Problem.syntax("Empty message");
        }
        int[] end = new int[1];
        String startLine = line(text, pos, end);
        pos = end[0];
        List<Field> fields = new ArrayList<>();
        StringBuilder value = null;
        String name = null;
        int bodyOffset = -1;
        while (pos < n) {
            String line = line(text, pos, end);
            pos = end[0];
            if (line.isEmpty()) {
                bodyOffset = pos;
                break;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (value == null) {
                    throw Problem.syntax("Continuation line without a header field");
                }
                value.append(line);
                continue;
            }
            if (name != null) {
                fields.add(field(name, value));
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw Problem.syntax("Header line without a colon");
            }
            name = stripTrailingWs(line.substring(0, colon));
            if (name.isEmpty() || !Chars.isToken(name)) {
                throw Problem.syntax("Invalid header field name");
            }
            value = new StringBuilder(line.length() - colon).append(line, colon + 1, line.length());
        }
        if (name != null) {
            fields.add(field(name, value));
        }
        return new RawMessage(startLine, Collections.unmodifiableList(fields), bodyOffset, n);
    }

    /** Octets after the header section; 0 when it is not terminated. */
    int bodyLength() {
        return bodyOffset < 0 ? 0 : length - bodyOffset;
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

    private static Field field(String name, StringBuilder value) {
        return new Field(name, HeaderNames.canonical(name), value.toString().strip());
    }

    /** The line starting at {@code from} without its line end; {@code end[0]} receives the next line's start. */
    private static String line(String text, int from, int[] end) throws Problem {
        int lf = text.indexOf('\n', from);
        int stop = lf < 0 ? text.length() : lf;
        end[0] = lf < 0 ? text.length() : lf + 1;
        int contentEnd = stop > from && text.charAt(stop - 1) == '\r' ? stop - 1 : stop;
        for (int i = from; i < contentEnd; i++) {
            if (text.charAt(i) == '\r') {
                throw Problem.syntax("Bare CR in header section");
            }
        }
        return text.substring(from, contentEnd);
    }

    private static String stripTrailingWs(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        return s.substring(0, e);
    }
}
