package org.parley.app.testsupport.kamailio;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the host programs the test server needs (kamailio, sqlite3, openssl).
 * A missing program is a test failure that names the exact install command, never a skip.
 */
final class HostTools {

    /** The Debian packages the Kamailio tests need; scripts/install-test-deps.sh installs them all. */
    static final String APT_COMMAND = "apt-get install -y --no-install-recommends kamailio kamailio-presence-modules"
            + " kamailio-sqlite-modules kamailio-tls-modules kamailio-xml-modules sqlite3 openssl";

    static final String INSTALL_HINT = "Install the test dependencies: run scripts/install-test-deps.sh as root, or: "
            + APT_COMMAND;

    /** Debian puts kamailio in /usr/sbin, which is not on a normal user's PATH. */
    private static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private HostTools() {
    }

    /** The absolute path of an executable from PATH (plus the sbin directories); fails with {@link #INSTALL_HINT}. */
    static Path require(String program) {
        if (program.contains("/")) {
            Path direct = Path.of(program);
            if (Files.isExecutable(direct)) {
                return direct.toAbsolutePath();
            }
            throw missing(program);
        }
        List<String> dirs = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw missing(program);
    }

    /** Fails with {@link #INSTALL_HINT} unless {@code file} exists. */
    static Path requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing. " + INSTALL_HINT);
        }
        return file;
    }

    private static IllegalStateException missing(String program) {
        return new IllegalStateException("'" + program + "' was not found on PATH or in " + EXTRA_DIRS + ". " + INSTALL_HINT);
    }

    /**
     * Runs {@code command} in {@code dir} with {@code stdin} as its input and returns its combined
     * stdout+stderr. Throws if it does not exit with 0 within {@code timeout}; the output is also
     * appended to {@code dir}/commands.log for post-mortems.
     */
    static String run(Path dir, String stdin, Duration timeout, String... command) {
        Path log = dir.resolve("commands.log");
        Path output = dir.resolve(".command-output");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.ISO_8859_1);
            Files.delete(output);
            Files.writeString(log, "$ " + String.join(" ", command) + "\n" + text,
                    StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (!exited) {
                throw new IllegalStateException(command[0] + " did not finish within " + timeout + ": " + text);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command[0] + " in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }
}
