package org.parley.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the {@code sipp} program in a working directory (its trace files land there), with stdout and
 * stderr in {@code <name>.out}. Registered with {@link ChildProcesses}, so it never outlives the runner.
 */
final class SippProcess implements AutoCloseable {
    private final Process process;
    private final String name;

    private SippProcess(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    static SippProcess start(Path dir, String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("sipp");
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(Redirect.to(dir.resolve(name + ".out").toFile()))
                    .redirectInput(Redirect.from(new File("/dev/null"))).start();
            ChildProcesses.add(p);
            return new SippProcess(p, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sipp (Debian package sip-tester)", e);
        }
    }

    /** Waits for the exit status; stops the process and throws IllegalStateException after {@code max}. */
    int awaitExit(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            ChildProcesses.stop(process);
            throw new IllegalStateException("sipp " + name + " did not finish within " + max.toSeconds() + " s");
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (SIGKILL after 3 s). */
    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
