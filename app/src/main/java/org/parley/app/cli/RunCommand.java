package org.parley.app.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.parley.app.Parley;
import org.parley.storage.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley run [--account AOR]…}: starts the core and speaks the JSON-lines protocol (docs/cli.md):
 * events on stdout, commands on stdin, until quit, end of input or SIGTERM/SIGINT. Exit code 0 after a clean
 * shutdown (accounts un-registered, profile closed). Human-readable notices go to stderr only.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Register and stay up: JSON events on stdout, JSON commands on stdin.",
            "All accounts of the profile register; --account limits the events shown and the accounts",
            "that may send (the first one is the default sender)."})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private ParleyCommand root;

    @Option(names = "--account", paramLabel = "AOR", description = "Only this account (repeatable).")
    private List<String> accounts = List.of();

    @Option(names = "--auto-answer", description = "Answer every incoming call at once.")
    private boolean autoAnswer;

    @Option(names = "--busy-when-in-call",
            description = "Refuse a call that comes in during a call as busy (486) instead of letting it ring.")
    private boolean busyWhenInCall;

    @Option(names = "--answer-play", paramLabel = "WAV", description = "With --auto-answer: play this file into calls.")
    private String answerPlay;

    @Option(names = "--answer-record", paramLabel = "WAV",
            description = "With --auto-answer: record what the caller sends into this file.")
    private String answerRecord;

    @Option(names = "--accept-files", paramLabel = "DIR",
            description = "Accept every offered file into DIR (it is still checked against policy and its hash).")
    private java.nio.file.Path acceptFiles;

    @Override
    public Integer call() {
        CliContext context = root.context();
        try (CoreShutdown shutdown = new CoreShutdown(root.openProfile())) {
            Profile profile = shutdown.profile();
            Set<String> chosen = new LinkedHashSet<>();
            for (String typed : accounts) {
                chosen.add(AccountLookup.require(profile, typed));
            }
            RunOutput output = new RunOutput(JsonLineWriter.toStdout(context.console()), chosen);
            shutdown.attach(output);
            Parley parley = CoreStart.open(root, profile, o -> o.withCallWaiting(!busyWhenInCall));
            shutdown.attach(parley);
            parley.addListener(output::onEvent, output.listenerExecutor());
            shutdown.installHook();
            CoreStart.start(parley);
            output.ready();
            String defaultAccount = chosen.isEmpty() ? null : chosen.iterator().next();
            new RunSession(parley, output, new BoundedLineReader(context.stdin(), BoundedLineReader.DEFAULT_MAX_BYTES),
                    chosen, defaultAccount, new RunCalls(parley, autoAnswer
                            ? java.util.Optional.of(RunCalls.files(answerPlay, answerRecord))
                            : java.util.Optional.empty()), java.util.Optional.ofNullable(acceptFiles)).readCommands();
        }
        return ExitCodes.OK;
    }
}
