package org.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The last row of a SIPp {@code -trace_stat} file (semicolon-separated, header in the first line), by column. */
final class SippStatCsv {
    private final Map<String, String> last;

    private SippStatCsv(Map<String, String> last) {
        this.last = last;
    }

    static SippStatCsv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            throw new IOException(file + " has no statistics row");
        }
        String[] names = lines.get(0).split(";");
        String[] values = lines.get(lines.size() - 1).split(";");
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < Math.min(names.length, values.length); i++) {
            m.put(names[i].trim(), values[i].trim());
        }
        return new SippStatCsv(m);
    }

    /** A cumulative counter such as "SuccessfulCall(C)"; 0 when absent. */
    long counter(String column) {
        String v = last.get(column);
        try {
            return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
