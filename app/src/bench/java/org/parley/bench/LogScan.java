package org.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts log lines written during a phase: {@link #mark} the file's size before, {@link #count} lines
 * containing a text after that mark. Missing or unreadable files count as empty (0 lines, -1 on read errors).
 */
final class LogScan {
    /** Kamailio could not create a transaction for lack of shared memory (it answers 500 or nothing). */
    static final String KAMAILIO_OUT_OF_MEMORY = "new_t(): out of mem";
    /** Parley's ChatEngine logs this (INFO) when it schedules a re-send after a failure or transient rejection. */
    static final String PARLEY_RETRY = "retrying in";

    private final Path file;
    private final long from;

    private LogScan(Path file, long from) {
        this.file = file;
        this.from = from;
    }

    static LogScan mark(Path file) {
        try {
            return new LogScan(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            return new LogScan(file, 0);
        }
    }

    long count(String text) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            long n = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains(text)) {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }
}
