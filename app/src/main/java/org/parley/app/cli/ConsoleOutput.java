package org.parley.app.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The CLI's human-readable output: results on stdout, error sentences and notices on stderr.
 * Together with {@link JsonLineWriter} the only place that touches the process streams; everything else
 * gets them from here so tests can capture them.
 *
 * <p>Output is UTF-8 regardless of the locale. Thread-safe (PrintStream locks per call). Never closes the
 * streams it was given.
 */
public final class ConsoleOutput {
    private final PrintStream out;
    private final PrintStream err;

    public ConsoleOutput(OutputStream out, OutputStream err) {
        this.out = toPrintStream(Objects.requireNonNull(out));
        this.err = toPrintStream(Objects.requireNonNull(err));
    }

    /** The real process streams. */
    public static ConsoleOutput system() {
        return new ConsoleOutput(System.out, System.err);
    }

    /** Raw stdout, for {@link JsonLineWriter} (the {@code run} protocol and {@code --json} output). */
    public PrintStream stdout() {
        return out;
    }

    /** Raw stderr, for picocli's help and usage messages. */
    public PrintStream stderr() {
        return err;
    }

    /** One line of a command's result on stdout. */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    /** A notice for the person at the terminal (e.g. "created a new profile"), on stderr. */
    public void notice(String sentence) {
        err.println(sentence);
        err.flush();
    }

    /** One error sentence on stderr, prefixed with the program name. */
    public void error(String sentence) {
        err.println("parley: " + sentence);
        err.flush();
    }

    /**
     * Always UTF-8, whatever the locale: the JSON protocol is defined as UTF-8, and System.out under a POSIX
     * locale would turn every non-ASCII character into '?'. Wrapping a PrintStream passes bytes through.
     */
    private static PrintStream toPrintStream(OutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }
}
