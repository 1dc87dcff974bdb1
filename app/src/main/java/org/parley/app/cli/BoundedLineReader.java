package org.parley.app.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines (ending in LF or CRLF) with a cap on line length, so a runaway producer cannot exhaust
 * memory: an over-long line is consumed up to its end and reported as such, and reading continues with the
 * next line. Not thread-safe: one reader thread. Does not close the stream.
 */
final class BoundedLineReader {
    /** Default cap: 1 MiB per line. */
    static final int DEFAULT_MAX_BYTES = 1 << 20;

    /** One line: {@code text} is null when {@code problem} says why it could not be read. */
    record Line(String text, String problem) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = new BufferedInputStream(in);
        this.maxBytes = maxBytes;
    }

    /** Blocks for the next line; null at end of input. A last line without newline still counts. */
    Line next() throws IOException {
        buffer.reset();
        boolean tooLong = false;
        boolean any = false;
        int b;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (buffer.size() < maxBytes) {
                buffer.write(b);
            } else {
                tooLong = true;
            }
        }
        if (!any) {
            return null;
        }
        if (tooLong) {
            return new Line(null, "The line is longer than " + maxBytes + " bytes and was ignored.");
        }
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            return new Line(text, null);
        } catch (CharacterCodingException e) {
            return new Line(null, "The line is not valid UTF-8.");
        }
    }
}
