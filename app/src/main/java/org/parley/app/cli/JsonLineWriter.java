package org.parley.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Writes JSON objects to stdout, exactly one compact object per line, flushed after each line
 * (JSON Lines). Jackson escapes control characters inside strings, so a value can never break a line.
 *
 * <p>Thread-safe: {@link #write} is synchronized, so lines of concurrent writers never interleave
 * (the {@code run} command additionally funnels all output through one thread to keep ordering).
 * Write errors (e.g. the reading end of a pipe went away) are not thrown; {@link #broken()} reports them.
 */
public final class JsonLineWriter {
    private final ObjectMapper mapper;
    private final PrintStream out;

    public JsonLineWriter(ObjectMapper mapper, PrintStream out) {
        this.mapper = Objects.requireNonNull(mapper);
        this.out = Objects.requireNonNull(out);
    }

    /** A writer on the CLI's stdout with a default mapper. */
    public static JsonLineWriter toStdout(ConsoleOutput console) {
        return new JsonLineWriter(new ObjectMapper(), console.stdout());
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public synchronized void write(ObjectNode node) {
        String line;
        try {
            line = mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // An ObjectNode built from strings, numbers and booleans always serialises.
            throw new IllegalStateException("cannot serialise event", e);
        }
        out.print(line);
        out.print('\n');
        out.flush();
    }

    /** True once writing to stdout failed; the consumer is gone. */
    public boolean broken() {
        return out.checkError();
    }
}
