package org.parley.uibench.storm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.core.CoreOptions;
import org.parley.app.core.ParleyCore;
import org.parley.app.presence.PresenceState;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.I18n;
import org.parley.ui.contacts.ContactItem;
import org.parley.ui.fx.FxAsync;
import org.parley.ui.fx.Themes;
import org.parley.ui.main.MainView;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.unlock.ProfileGate;
import org.parley.ui.unlock.UnlockView;
import org.parley.ui.unlock.UnlockViewModel;

/**
 * Parley's desktop app in the storm's child JVM, composed as {@code DesktopApp} does (unlock screen, then core and
 * main window with the contact list), plus the measuring: an {@link FxStallMeter}, a core-thread listener counting
 * {@code PresenceChanged} events as the core emits them, and a wrapper around the main view-model's listener
 * (which runs on the FX thread, like the app's) counting and timing what the FX thread applies.
 *
 * <p>Arguments: {@code PROFILE_DIR PASSPHRASE CONTACTS}. Talks to {@link StormBench} by lines: it prints
 * {@code SHOWN}, {@code ACTIVE}, then answers commands read from stdin ({@code mem NAME}, {@code count},
 * {@code begin}, {@code end}, {@code dump FILE}, {@code quit}).
 */
public final class StormProbe {
    private static final I18n I18N = I18n.load(Locale.ENGLISH);
    private static final int MAX_SECONDS = 600;
    private static final FxStallMeter METER = new FxStallMeter();
    private static final AtomicLong CORE_EVENTS = new AtomicLong();
    private static final AtomicLong FX_EVENTS = new AtomicLong();
    private static final AtomicLong FX_NANOS = new AtomicLong();
    private static final AtomicLong FX_MAX_NANOS = new AtomicLong();
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static volatile AtomicIntegerArray corePerSecond = new AtomicIntegerArray(MAX_SECONDS);
    private static volatile AtomicIntegerArray fxPerSecond = new AtomicIntegerArray(MAX_SECONDS);
    private static volatile long windowStart;
    private static volatile long coreStarted;
    private static volatile MainViewModel main;
    private static volatile Stage stage;
    private static volatile UnlockViewModel unlockVm;

    private StormProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String passphrase = args[1];
        int contacts = Integer.parseInt(args[2]);
        Platform.startup(() -> {
            METER.install();
            Async async = FxAsync.create();
            SettingsViewModel settings = new SettingsViewModel(new SettingsStore(dir.resolveSibling("storm.properties")),
                    UiSettings.defaults(), async, I18N);
            Themes.apply(settings.themeProperty().get());
            stage = new Stage();
            UnlockViewModel unlock = new UnlockViewModel(ProfileGate.at(dir), async, I18N,
                    profile -> showMain(profile, async, settings));
            unlockVm = unlock;
            show(new UnlockView(unlock, I18N).build(), 520, 440);
            stage.show();
            unlock.passphraseProperty().set(passphrase);
        });
        whenPainted(() -> stage != null && stage.isShowing(), 60);
        Platform.runLater(() -> {
            unlockVm.shown(); // as DesktopApp does after the first frame
            unlockVm.submit();
        });
        whenPainted(() -> main != null && main.contacts().shown().size() >= contacts, 180);
        say("SHOWN");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (KNOWN.size() < contacts && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long coreActive = System.nanoTime();
        if (KNOWN.size() >= contacts) {
            whenPainted(() -> main.contacts().shown().stream()
                    .allMatch(c -> c.presenceProperty().get() != PresenceState.UNKNOWN), 120);
        }
        say("ACTIVE coreMs=" + (coreActive - coreStarted) / 1_000_000 + " fxMs="
                + (System.nanoTime() - coreStarted) / 1_000_000 + " known=" + KNOWN.size());
        commands();
    }

    private static void commands() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] c = line.split(" ", 2);
            switch (c[0]) {
                case "mem" -> {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
                    long self = ProcessHandle.current().pid();
                    say("MEM " + c[1] + " heapAfterGcKib=" + heap + " rssKib=" + ProcStats.statusKib(self, "VmRSS")
                            + " hwmKib=" + ProcStats.statusKib(self, "VmHWM"));
                }
                case "count" -> say("COUNT core=" + CORE_EVENTS.get() + " fx=" + FX_EVENTS.get());
                case "begin" -> {
                    corePerSecond = new AtomicIntegerArray(MAX_SECONDS);
                    fxPerSecond = new AtomicIntegerArray(MAX_SECONDS);
                    CORE_EVENTS.set(0);
                    FX_EVENTS.set(0);
                    FX_NANOS.set(0);
                    FX_MAX_NANOS.set(0);
                    windowStart = System.nanoTime();
                    METER.begin();
                    say("BEGUN");
                }
                case "end" -> end();
                case "dump" -> dump(Path.of(c[1]));
                case "quit" -> {
                    say("BYE");
                    System.exit(0);
                }
                default -> say("UNKNOWN-COMMAND " + line);
            }
        }
        System.exit(0);
    }

    private static void end() throws Exception {
        FxStallMeter.Window w = METER.end();
        int seconds = (int) Math.min(MAX_SECONDS, (System.nanoTime() - windowStart) / 1_000_000_000L + 1);
        StringBuilder core = new StringBuilder();
        StringBuilder fx = new StringBuilder();
        for (int s = 0; s < seconds; s++) {
            core.append(s == 0 ? "" : ",").append(corePerSecond.get(s));
            fx.append(s == 0 ? "" : ",").append(fxPerSecond.get(s));
        }
        long events = Math.max(1, FX_EVENTS.get());
        say("ENDED coreEvents=" + CORE_EVENTS.get() + " fxEvents=" + FX_EVENTS.get() + " fxMeanUs="
                + FX_NANOS.get() / events / 1000 + " fxMaxUs=" + FX_MAX_NANOS.get() / 1000);
        say("PERSECOND core " + core);
        say("PERSECOND fx " + fx);
        say("PULSE " + w.pulseGaps().summary());
        say("LATENESS " + w.lateness().summary());
        for (Map.Entry<String, Integer> e : FxStallMeter.top(w.stallStacks(), 6)) {
            say("STACK " + e.getValue() + " samples:" + e.getKey().replace("\n", "\\n"));
        }
        say("ENDDONE");
    }

    /** Writes every contact row as the FX thread shows it: address, state, note (tab-separated). */
    private static void dump(Path file) throws Exception {
        CompletableFuture<String> text = new CompletableFuture<>();
        Platform.runLater(() -> {
            StringBuilder b = new StringBuilder();
            for (ContactItem c : main.contacts().shown()) {
                b.append(c.key().peer()).append('\t').append(c.presenceProperty().get()).append('\t')
                        .append(c.presenceNoteProperty().get()).append('\n');
            }
            text.complete(b.toString());
        });
        Files.writeString(file, text.get(60, TimeUnit.SECONDS));
        say("DUMPED");
    }

    private static void showMain(Profile profile, Async async, SettingsViewModel settings) {
        Parley core = ParleyCore.open(profile, CoreOptions.defaults().withBindAddress("127.0.0.1"));
        MainViewModel vm = new MainViewModel(core, async, I18N, (t, x, o) -> { }, settings);
        core.addListener(e -> {
            if (e instanceof ParleyEvent.PresenceChanged p) {
                CORE_EVENTS.incrementAndGet();
                corePerSecond.incrementAndGet(second());
                if (p.state() != PresenceState.UNKNOWN) {
                    KNOWN.add(p.contact());
                }
            }
        }, Runnable::run);
        core.addListener(e -> {
            long t = System.nanoTime();
            vm.onEvent(e);
            if (e instanceof ParleyEvent.PresenceChanged) {
                long spent = System.nanoTime() - t;
                FX_EVENTS.incrementAndGet();
                FX_NANOS.addAndGet(spent);
                FX_MAX_NANOS.accumulateAndGet(spent, Math::max);
                fxPerSecond.incrementAndGet(second());
            }
        }, Platform::runLater);
        show(new MainView(vm, async, I18N, url -> { }, () -> { }).build(), 1100, 720);
        vm.start();
        coreStarted = System.nanoTime();
        core.start();
        main = vm;
    }

    private static int second() {
        long start = windowStart;
        return start == 0 ? 0 : (int) Math.min(MAX_SECONDS - 1, Math.max(0, (System.nanoTime() - start) / 1_000_000_000L));
    }

    private static void show(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Themes.appCss());
        stage.setScene(scene);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Polls {@code condition} on the FX thread once per pulse; returns two pulses after it first holds. */
    private static void whenPainted(BooleanSupplier condition, long timeoutSeconds) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> new AnimationTimer() {
            private int framesAfter = -1;

            @Override
            public void handle(long now) {
                if (framesAfter < 0 && condition.getAsBoolean()) {
                    framesAfter = 0;
                } else if (framesAfter >= 0 && ++framesAfter == 2) {
                    stop();
                    done.countDown();
                }
            }
        }.start());
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("condition not reached within " + timeoutSeconds + " s");
        }
    }
}
