package org.parley.uibench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.app.Parley;
import org.parley.app.core.CoreOptions;
import org.parley.app.core.ParleyCore;
import org.parley.storage.Profile;
import org.parley.ui.chat.ConversationViewModel;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.FxAsync;
import org.parley.ui.fx.Themes;
import org.parley.ui.main.MainView;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.notify.DesktopNotifier;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.tray.AwtTray;
import org.parley.ui.tray.TrayMenu;
import org.parley.ui.unlock.ProfileGate;
import org.parley.ui.unlock.UnlockView;
import org.parley.ui.unlock.UnlockViewModel;

/**
 * Parley's desktop app in a probe JVM, composed as {@code DesktopApp} does (unlock screen, then core and main
 * window), with the passphrase entered by the probe instead of a person.
 * <ul>
 *   <li>{@code startup DIR}: times the unlock screen and the usable contact list (500 contacts shown), reads
 *       memory when idle, then opens and closes 50 chats and reads memory again.</li>
 *   <li>{@code big DIR}: opens the one 100,000-message conversation and times its first paint.</li>
 * </ul>
 */
public final class DesktopProbe {
    private static final I18n I18N = I18n.load(Locale.ENGLISH);
    private static volatile MainViewModel main;
    private static volatile Stage stage;
    private static volatile UnlockViewModel unlockVm;

    private DesktopProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long[] marks = new long[3];
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Path settingsFile = dir.resolveSibling("bench-desktop.properties");
        Platform.startup(() -> {
            marks[0] = System.currentTimeMillis();
            Async async = FxAsync.create();
            SettingsViewModel settings = new SettingsViewModel(new SettingsStore(settingsFile),
                    UiSettings.defaults(), async, I18N);
            Themes.apply(settings.themeProperty().get());
            marks[1] = System.currentTimeMillis();
            stage = new Stage();
            UnlockViewModel unlock = new UnlockViewModel(ProfileGate.at(dir), async, I18N,
                    profile -> showMain(profile, async, settings));
            unlockVm = unlock;
            show(new UnlockView(unlock, I18N).build(), 520, 440);
            stage.show();
            marks[2] = System.currentTimeMillis();
            unlock.passphraseProperty().set(BenchData.PASSPHRASE);
        });
        long unlockShown = Probe.whenPainted(() -> stage != null && stage.isShowing(), 60);
        System.err.printf("timeline ms: main %d, fx started +%d, theme +%d, unlock view shown +%d, painted +%d%n",
                mainAt - ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(mainAt),
                marks[0] - mainAt, marks[1] - marks[0], marks[2] - marks[1], unlockShown - marks[2]);
        Platform.runLater(() -> {
            unlockVm.shown(); // as DesktopApp does after the first frame
            unlockVm.submit();
        });
        long contactsShown = Probe.whenPainted(() -> main != null
                && main.contacts().shown().size() >= (mode.equals("big") ? 1 : BenchData.CONTACTS), 120);
        if (mode.equals("big")) {
            big();
        } else {
            startup(unlockShown, contactsShown);
        }
        System.exit(0);
    }

    private static void startup(long unlockShown, long contactsShown) throws Exception {
        Probe.settle(3000);
        long heapIdle = Probe.heapAfterGcKib();
        long rssIdle = Probe.settledRssKib();
        Probe.histogram("idle");
        Probe.holdIfAsked();
        openAndClose(0);
        long heapAfter50 = Probe.heapAfterGcKib();
        openAndClose(50);
        Probe.settle(3000);
        long heapAfter = Probe.heapAfterGcKib();
        Probe.histogram("after100");
        Probe.result("unlockShown=" + unlockShown + " ready=" + contactsShown + " rss=" + rssIdle + " heap=" + heapIdle
                + " heapAfter50=" + heapAfter50 + " rssAfterChats=" + Probe.settledRssKib() + " heapAfterChats=" + heapAfter);
    }

    /** Opens 50 chats one after the other (each painted with its messages), closing each again. */
    private static void openAndClose(int first) throws Exception {
        for (int i = first; i < first + 50; i++) {
            ConversationKey key = new ConversationKey(BenchData.ACCOUNT, BenchData.contact(i));
            CompletableFuture<ConversationViewModel> opened = new CompletableFuture<>();
            Platform.runLater(() -> {
                main.open(key);
                opened.complete(main.chats().selectedProperty().get());
            });
            ConversationViewModel chat = opened.get(30, TimeUnit.SECONDS);
            Probe.whenPainted(() -> !chat.messages().isEmpty(), 30);
            Platform.runLater(() -> main.chats().close(chat));
        }
        Probe.whenPainted(() -> main.chats().open().isEmpty(), 30);
    }

    private static void big() throws Exception {
        Probe.settle(2000);
        long[] small = openTimed(new ConversationKey(BenchData.ACCOUNT, BenchData.contact(1)), true);
        long[] big = openTimed(new ConversationKey(BenchData.ACCOUNT, BenchData.contact(0)), false);
        Probe.result("smallCold=" + small[0] + " openToPaint=" + big[0] + " openCall=" + big[1] + " loaded=" + big[2]);
    }

    /** Opens a conversation; returns {open to painted ms, open() call ms, messages loaded}; optionally closes it. */
    private static long[] openTimed(ConversationKey key, boolean close) throws Exception {
        CompletableFuture<ConversationViewModel> opened = new CompletableFuture<>();
        long[] openCall = new long[1];
        long start = System.currentTimeMillis();
        Platform.runLater(() -> {
            long t = System.nanoTime();
            main.open(key);
            openCall[0] = (System.nanoTime() - t) / 1_000_000;
            opened.complete(main.chats().selectedProperty().get());
        });
        ConversationViewModel chat = opened.get(30, TimeUnit.SECONDS);
        long painted = Probe.whenPainted(() -> !chat.messages().isEmpty()
                && !stage.getScene().getRoot().lookupAll(".message-text").isEmpty(), 60);
        long[] result = {painted - start, openCall[0], chat.messages().size()};
        if (close) {
            Platform.runLater(() -> main.chats().close(chat));
            Probe.whenPainted(() -> main.chats().open().isEmpty(), 30);
        }
        return result;
    }

    private static void showMain(Profile profile, Async async, SettingsViewModel settings) {
        Parley core = ParleyCore.open(profile, CoreOptions.defaults().withBindAddress("127.0.0.1"));
        // As DesktopApp: the tray (AWT's SystemTray where the X server has a tray host; under plain Xvfb it has
        // none, so AWT stays unloaded as on such desktops) and notifications through it.
        DesktopNotifier notifier = DesktopNotifier.install(new AwtTray(), new TrayMenu("Parley", "Open", "Quit",
                () -> { }, () -> { }, () -> { }));
        MainViewModel vm = new MainViewModel(core, async, I18N, notifier, settings);
        core.addListener(vm::onEvent, Platform::runLater);
        show(new MainView(vm, async, I18N, url -> { }, () -> { }).build(), 1100, 720);
        vm.start();
        core.start();
        main = vm;
    }

    private static void show(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Themes.appCss());
        stage.setScene(scene);
    }
}
