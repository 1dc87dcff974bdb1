package org.parley.app.testsupport.baresip;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.parley.media.testsupport.TestSignals;

/**
 * A real SIP phone in a test: one baresip 1.0 process, registered with one account, limited to one codec, with a
 * WAV file as microphone and its received and sent audio dumped to WAV files. It is driven through its stdin
 * ({@code stdio} UI) and observed through its stdout, which is kept line by line ({@link #awaitLine}).
 *
 * <p>Files: {@code target/baresip/<user>-<random>/} holds {@code config}, {@code accounts}, {@code baresip.log}
 * (all output) and {@code rec/dump-<yyyy-mm-dd-hh-mm-ss>-dec.wav} (what it received, after decoding) and
 * {@code -enc.wav} (what it sent, before encoding), one pair per call, at the codec's rate and channel count
 * ({@link BaresipCodec}); their WAV header is complete only once the call is over.
 *
 * <p>Quirks of baresip 1.0: the call is hung up by baresip itself when the microphone file ends ("aufile: end of
 * file"), so give it a file longer than the call; plain characters on stdin are single-key commands (digits send
 * DTMF during a call, a bare newline prints the help).
 *
 * <p>Threading: commands may come from any thread (they are written under a lock); close it before the proxy
 * stops, or it lingers for its un-REGISTER.
 */
public final class BaresipPeer implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(15);

    private static final String INSTALL_HINT = "install it: scripts/install-test-deps.sh as root, or"
            + " apt-get install -y --no-install-recommends baresip";
    private static final Duration QUIT_WAIT = Duration.ofSeconds(3);

    private final BaresipAccount account;
    private final BaresipCodec codec;
    private final Path dir;
    private final Path recordings;
    private final Process process;
    private final OutputStream stdin;
    private final ProcessLines output;

    private BaresipPeer(BaresipAccount account, BaresipCodec codec, Path dir, Path recordings, Process process) {
        this.account = account;
        this.codec = codec;
        this.dir = dir;
        this.recordings = recordings;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.output = new ProcessLines(process.getInputStream(), dir.resolve("baresip.log"),
                "baresip-" + account.user());
    }

    /**
     * Starts baresip for {@code account} with only {@code codec}, {@code microphone} as its audio source (16-bit mono
     * WAV at 8 or 48 kHz, longer than any call it takes part in) and waits until it is registered.
     */
    public static BaresipPeer start(BaresipAccount account, BaresipCodec codec, Path microphone) throws IOException {
        Path executable = executable();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "baresip").toAbsolutePath()),
                account.user() + "-");
        Path recordings = BaresipConfig.write(dir, account, codec, microphone, BaresipPorts.pick());
        Process process = new ProcessBuilder(executable.toString(), "-f", dir.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        BaresipPeer peer = new BaresipPeer(account, codec, dir, recordings, process);
        try {
            peer.awaitLine(line -> line.contains("baresip is ready."));
            peer.awaitLine(line -> line.startsWith(account.user() + "@") && line.contains(" 200 OK"));
            return peer;
        } catch (RuntimeException | AssertionError e) {
            peer.close();
            throw e;
        }
    }

    private static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "baresip");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("baresip was not found on PATH; " + INSTALL_HINT);
    }

    public String aor() {
        return account.aor();
    }

    public BaresipCodec codec() {
        return codec;
    }

    /** The configuration and log directory (see the class comment). */
    public Path dir() {
        return dir;
    }

    /** Every output line so far, without colour codes. */
    public List<String> lines() {
        return output.all();
    }

    /** The first output line (so far or within {@link #WAIT}) that matches; fails on timeout or exit. */
    public String awaitLine(Predicate<String> match) {
        return output.await(match, 0, WAIT, "a matching baresip line");
    }

    /** The first line containing {@code text}; fails on timeout or exit. */
    public String awaitLine(String text) {
        return output.await(line -> line.contains(text), 0, WAIT, "'" + text + "'");
    }

    /** Calls {@code uri} (e.g. a Parley AOR, routed through the proxy). */
    public void dial(String uri) {
        command("/dial " + uri);
    }

    /** Answers the ringing call ("Incoming call from: ..." was printed). */
    public void accept() {
        command("/accept");
    }

    /** Hangs up (or rejects, or cancels) the current call. */
    public void hangup() {
        command("/hangup");
    }

    /**
     * Sends {@code digits} (0-9, *, #, A-D) as RFC 4733 events in the current call, one after the other: each
     * digit is a key press, released by baresip's stdio UI shortly after; the next is pressed once the release
     * ("send DTMF digit end") was printed.
     */
    public void sendDigits(String digits) {
        for (char digit : digits.toCharArray()) {
            String end = "send DTMF digit end: '" + digit + "'";
            int seen = output.count(line -> line.contains(end));
            write(Character.toString(digit));
            output.await(line -> line.contains(end), seen, WAIT, "'" + end + "'");
        }
    }

    /** The digits baresip received as RFC 4733 events so far, each counted once (at its end). */
    public String receivedDigits() {
        StringBuilder digits = new StringBuilder();
        for (String line : output.all()) {
            int at = line.indexOf("received event: '");
            if (at >= 0 && line.endsWith("(end=1)")) {
                digits.append(line.charAt(at + "received event: '".length()));
            }
        }
        return digits.toString();
    }

    /** How much audio baresip has received in the current call so far (from the growing dump file). */
    public Duration received() {
        return dump("-dec.wav").map(this::duration).orElse(Duration.ZERO);
    }

    /**
     * What baresip received in its (one, finished) call, converted to 48 kHz mono into {@code out}; waits until the
     * dump's WAV header is complete (baresip finishes it when the call is torn down).
     */
    public Path receivedAudioAt48k(Path out) throws IOException {
        return finishedDumpAt48k("-dec.wav", out);
    }

    /** What baresip's encoder was fed in its (one, finished) call, as {@link #receivedAudioAt48k}. */
    public Path sentAudioAt48k(Path out) throws IOException {
        return finishedDumpAt48k("-enc.wav", out);
    }

    private Path finishedDumpAt48k(String suffix, Path out) throws IOException {
        Path dump = await().atMost(WAIT).until(() -> dump(suffix).filter(BaresipPeer::complete).orElse(null),
                file -> file != null);
        return TestSignals.soxResample(dump, out, 48_000);
    }

    private Optional<Path> dump(String suffix) {
        try (Stream<Path> files = Files.list(recordings)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).max(Path::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Duration duration(Path wav) {
        try {
            long samples = Math.max(0, Files.size(wav) - 44) / (2L * codec.channels());
            return Duration.ofMillis(samples * 1000 / codec.rate());
        } catch (IOException e) {
            return Duration.ZERO;
        }
    }

    /** True when the RIFF length field covers the whole file (libsndfile writes it on close). */
    private static boolean complete(Path wav) {
        try (FileChannel in = FileChannel.open(wav)) {
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            in.read(header, 0);
            long size = in.size();
            return size > 44 && header.getInt(4) == size - 8;
        } catch (IOException e) {
            return false;
        }
    }

    private void command(String line) {
        write(line + "\n");
    }

    private synchronized void write(String keys) {
        try {
            stdin.write(keys.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("baresip's stdin is closed; last lines: " + output.tail(20), e);
        }
    }

    /** {@code /quit} (baresip un-registers), then SIGTERM, then SIGKILL, each with a bounded wait. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    command("/quit");
                } catch (UncheckedIOException e) {
                    // already exiting
                }
                if (!process.waitFor(QUIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroy();
                    if (!process.waitFor(1, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(1, TimeUnit.SECONDS);
                    }
                }
            }
            output.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
