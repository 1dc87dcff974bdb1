package org.parley.media.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private PulseAudio daemon with named 48 kHz mono null sinks, for tests that need real audio
 * devices on a machine without a sound card. Each null sink {@code x} plays into nothing and offers
 * what was played on its monitor source {@code x.monitor}.
 *
 * <p><b>Java Sound in the test JVM.</b> libpulse reads {@code PULSE_SERVER} from the process
 * environment, and ALSA decides once per process, when it first loads its configuration, whether
 * {@code default} goes to PulseAudio (only if a server answers at that moment). Neither can be
 * changed from inside a running JVM, so the test JVM is started (surefire {@code
 * environmentVariables}) with {@code PULSE_SERVER=unix:<target>/pulse/native} and {@code
 * ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:<src/test/resources/alsa/pulse-default.conf>}, which
 * routes {@code default} to PulseAudio unconditionally. This fixture listens on that socket, so Java
 * Sound sees one mixer, {@code default}, while the server runs and none while it does not — in any
 * test order. Which sink Java Sound plays to and which source it records from is chosen with {@link
 * #setDefaultSink} and {@link #setDefaultSource}. Child processes get {@link #clientEnvironment()}.
 *
 * <p>One server per socket at a time: test classes start it in {@code @BeforeAll} and close it in
 * {@code @AfterAll}. A server left behind by a killed test JVM is asked to exit on the next start.
 */
public final class PulseAudioServer implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private final Path dir;
  private final Path socket;
  private final Process daemon;

  private PulseAudioServer(Path dir, Path socket, Process daemon) {
    this.dir = dir;
    this.socket = socket;
    this.daemon = daemon;
  }

  /** Starts the daemon on the test JVM's socket with the given null sinks; returns once it answers. */
  public static PulseAudioServer start(String... sinkNames) throws IOException {
    Path socket = configuredSocket();
    Path dir = socket.getParent();
    Files.createDirectories(dir.resolve("state"));
    stopLeftover(socket);
    List<String> command = new ArrayList<>(List.of(
        "pulseaudio", "--daemonize=no", "-n", "--exit-idle-time=-1", "--use-pid-file=no",
        "--disable-shm=yes", "--log-target=stderr",
        "--load=module-native-protocol-unix socket=" + socket + " auth-anonymous=1"));
    for (String sink : sinkNames) {
      command.add("--load=module-null-sink " + nullSinkArguments(sink));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("pulseaudio.log").toFile());
    daemonEnvironment(builder.environment(), dir);
    PulseAudioServer server = new PulseAudioServer(dir, socket, builder.start());
    try {
      await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(20))
          .until(() -> server.failedToStart() || server.answers());
      if (server.failedToStart()) {
        throw new IOException("pulseaudio exited: " + server.log());
      }
    } catch (RuntimeException | IOException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The socket that the test JVM's {@code PULSE_SERVER} names, or {@code target/pulse/native}. */
  public static Path configuredSocket() {
    String configured = System.getenv("PULSE_SERVER");
    if (configured != null && configured.startsWith("unix:")) {
      return Path.of(configured.substring("unix:".length())).toAbsolutePath();
    }
    return Path.of("target", "pulse", "native").toAbsolutePath();
  }

  /**
   * Throws unless this JVM was started so that Java Sound reaches this server (see the class
   * comment); call it before a test that uses Java Sound to get a clear message instead of "no
   * device".
   */
  public void requireJavaSoundRouting() {
    String server = System.getenv("PULSE_SERVER");
    String alsa = System.getenv("ALSA_CONFIG_PATH");
    if (!address().equals(server) || alsa == null || !alsa.contains("pulse")) {
      throw new IllegalStateException("this JVM must be started with PULSE_SERVER=" + address()
          + " and ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:<media/src/test/resources/alsa/"
          + "pulse-default.conf> (surefire environmentVariables); it has PULSE_SERVER=" + server
          + ", ALSA_CONFIG_PATH=" + alsa);
    }
  }

  /** {@code unix:<socket>}, the value for {@code PULSE_SERVER}. */
  public String address() {
    return "unix:" + socket;
  }

  /** Environment for a child process (a second JVM, paplay, baresip) that should use this server. */
  public Map<String, String> clientEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PULSE_SERVER", address());
    env.put("PULSE_RUNTIME_PATH", dir.resolve("client").toString());
    env.put("ALSA_CONFIG_PATH", "/usr/share/alsa/alsa.conf:" + alsaConfig());
    return env;
  }

  /** Adds a 48 kHz mono null sink; returns its module index (for {@link #unloadModule}). */
  public int loadNullSink(String name) throws IOException {
    return Integer.parseInt(pactl("load-module", "module-null-sink", nullSinkArguments(name)).trim());
  }

  /** The module index of the null sink {@code name}. */
  public int moduleOf(String sinkName) throws IOException {
    for (String line : pactl("list", "short", "modules").split("\n")) {
      if (line.contains("sink_name=" + sinkName + " ")) {
        return Integer.parseInt(line.split("\t")[0].trim());
      }
    }
    throw new IOException("no module for sink " + sinkName);
  }

  /** Removes a module, e.g. a null sink: its streams are moved elsewhere or killed. */
  public void unloadModule(int module) throws IOException {
    pactl("unload-module", Integer.toString(module));
  }

  /** Where the {@code default} device of Java Sound and ALSA plays to. */
  public void setDefaultSink(String sink) throws IOException {
    pactl("set-default-sink", sink);
  }

  /** Where the {@code default} device records from, e.g. {@code "x.monitor"}. */
  public void setDefaultSource(String source) throws IOException {
    pactl("set-default-source", source);
  }

  /** Names of the sinks that exist now. */
  public List<String> sinks() throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : pactl("list", "short", "sinks").split("\n")) {
      if (!line.isBlank()) {
        names.add(line.split("\t")[1]);
      }
    }
    return names;
  }

  /** Plays {@code wav} into {@code sink} with paplay; the returned process ends when it is done. */
  public Process play(Path wav, String sink) throws IOException {
    return client("paplay", "--device=" + sink, wav.toString()).start();
  }

  /** Records {@code source} (e.g. {@code "x.monitor"}) into a 48 kHz mono 16-bit WAV until stopped. */
  public Recording record(String source, Path wav) throws IOException {
    Process process = client("parecord", "--device=" + source, "--file-format=wav",
        "--format=s16le", "--rate=48000", "--channels=1", wav.toString()).start();
    return new Recording(process, wav);
  }

  /** Runs pactl against this server; returns its output or throws with its message. */
  public String pactl(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("pactl"));
    command.addAll(List.of(args));
    ProcessBuilder builder = client(command.toArray(String[]::new)).redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("pactl " + String.join(" ", args) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }

  /** The daemon's log so far. */
  public String log() {
    try {
      return Files.readString(dir.resolve("pulseaudio.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the daemon and waits for it to exit. */
  @Override
  public void close() {
    daemon.destroy();
    try {
      if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
        daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      daemon.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** A running parecord. */
  public static final class Recording implements AutoCloseable {
    private final Process process;
    private final Path wav;

    Recording(Process process, Path wav) {
      this.process = process;
      this.wav = wav;
    }

    /** Stops recording (SIGTERM: parecord finishes the WAV header) and returns the file. */
    public Path stop() throws IOException {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IOException("parecord did not stop");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return wav;
    }

    @Override
    public void close() throws IOException {
      if (process.isAlive()) {
        stop();
      }
    }
  }

  private ProcessBuilder client(String... command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(clientEnvironment());
    builder.environment().put("HOME", dir.toString());
    return builder;
  }

  private boolean answers() throws IOException, InterruptedException {
    Process probe = client("pactl", "info").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
  }

  private boolean failedToStart() {
    return !daemon.isAlive();
  }

  private static void stopLeftover(Path socket) throws IOException {
    if (!Files.exists(socket)) {
      return;
    }
    ProcessBuilder builder = new ProcessBuilder("pactl", "exit").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PULSE_SERVER", "unix:" + socket);
    Process exit = builder.start();
    try {
      exit.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(socket);
  }

  private static void daemonEnvironment(Map<String, String> env, Path dir) {
    env.remove("PULSE_SERVER");
    env.put("HOME", dir.toString());
    env.put("XDG_RUNTIME_DIR", dir.toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    env.put("PULSE_RUNTIME_PATH", dir.resolve("runtime").toString());
    env.put("PULSE_STATE_PATH", dir.resolve("state").toString());
  }

  private static String nullSinkArguments(String name) {
    return "sink_name=" + name + " rate=48000 channels=1 format=s16le"
        + " sink_properties=device.description=" + name;
  }

  private static Path alsaConfig() {
    String configured = System.getenv("ALSA_CONFIG_PATH");
    if (configured != null) {
      for (String part : configured.split(":")) {
        if (part.contains("pulse")) {
          return Path.of(part);
        }
      }
    }
    return Path.of("src", "test", "resources", "alsa", "pulse-default.conf").toAbsolutePath();
  }
}
