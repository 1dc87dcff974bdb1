package org.parley.app.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the CLI takes from the process, injectable for tests: environment variables, the home
 * directory, the terminal prompt, stdin, the output streams, the storage and the core. Immutable.
 *
 * @param env     environment variables (secrets are read from here, never from arguments)
 * @param stdin   commands for {@code run}
 */
public record CliContext(Map<String, String> env, String userHome, PassphrasePrompt prompt, InputStream stdin,
                         ConsoleOutput console, ProfileFactory profiles, CoreFactory cores) {

    public CliContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(userHome);
        Objects.requireNonNull(prompt);
        Objects.requireNonNull(stdin);
        Objects.requireNonNull(console);
        Objects.requireNonNull(profiles);
        Objects.requireNonNull(cores);
    }

    /** The real process: its environment, terminal, streams, encrypted storage and core. */
    public static CliContext system() {
        return new CliContext(System.getenv(), System.getProperty("user.home"), PassphrasePrompt.terminal(),
                System.in, ConsoleOutput.system(), ProfileFactory.storage(), CoreFactory.real());
    }

    /** The value of an environment variable, or null when unset. */
    public String getenv(String name) {
        return env.get(name);
    }
}
