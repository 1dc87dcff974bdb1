package org.parley.app.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code parley} in-process against an injected environment, prompt, stdin, storage and core, and
 * captures stdout and stderr (fresh captures per run). Configure the fields, then {@link #run} or
 * {@link #start}. Only the captures may be read from other threads.
 */
final class CliHarness {
    record Result(int exitCode, LineCapture out, LineCapture err) {
        String stdout() {
            return out.text();
        }

        String stderr() {
            return err.text();
        }
    }

    /** A command running on its own thread; {@code exitCode} completes when it returns. */
    record Running(CompletableFuture<Integer> exitCode, LineCapture out, LineCapture err) {
    }

    final Map<String, String> env = new HashMap<>();
    final Path home;
    PassphrasePrompt prompt = PassphrasePrompt.none();
    InputStream stdin = InputStream.nullInputStream();
    ProfileFactory profiles;
    CoreFactory cores = (profile, options) -> {
        throw new UnsupportedOperationException("this test has no core");
    };

    CliHarness(Path home, ProfileFactory profiles) {
        this.home = home;
        this.profiles = profiles;
    }

    Result run(String... args) {
        LineCapture out = new LineCapture();
        LineCapture err = new LineCapture();
        return new Result(execute(out, err, args), out, err);
    }

    Running start(String... args) {
        LineCapture out = new LineCapture();
        LineCapture err = new LineCapture();
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                code.complete(execute(out, err, args));
            } catch (Throwable t) {
                code.completeExceptionally(t);
            }
        }, "parley-cli-under-test");
        thread.setDaemon(true);
        thread.start();
        return new Running(code, out, err);
    }

    private int execute(LineCapture out, LineCapture err, String... args) {
        CliContext context = new CliContext(env, home.toString(), prompt, stdin, new ConsoleOutput(out, err),
                profiles, cores);
        return ParleyMain.execute(context, args);
    }
}
