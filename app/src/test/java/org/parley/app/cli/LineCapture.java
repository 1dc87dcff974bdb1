package org.parley.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An OutputStream that collects complete UTF-8 lines, readable from any thread while it is being written. */
final class LineCapture extends OutputStream {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            lines.add(current.toString(StandardCharsets.UTF_8));
            current.reset();
        } else {
            current.write(b);
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every line parsed as JSON (fails the test on a line that is not). */
    List<JsonNode> json() {
        return lines().stream().map(LineCapture::parse).toList();
    }

    /** The JSON lines whose "event" is {@code name}. */
    List<JsonNode> events(String name) {
        return json().stream().filter(n -> name.equals(n.path("event").asText())).toList();
    }

    String text() {
        return String.join("\n", lines()) + (current.size() > 0 ? "\n" + current.toString(StandardCharsets.UTF_8) : "");
    }

    static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
