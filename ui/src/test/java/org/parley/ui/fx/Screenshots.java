package org.parley.ui.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.parley.storage.Profile;
import org.parley.ui.accounts.AccountItem;
import org.parley.ui.accounts.RegistrationText;
import org.parley.ui.common.Async;
import org.parley.ui.common.I18n;
import org.parley.ui.contacts.ContactItem;
import org.parley.ui.main.MainView;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.Theme;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;
import org.parley.ui.unlock.PassphraseStrength;
import org.parley.ui.unlock.ProfileGate;
import org.parley.ui.unlock.UnlockView;
import org.parley.ui.unlock.UnlockViewModel;

/**
 * Not a test: walks through the desktop app's main screens on a real display (Xvfb) and writes one PNG per
 * screen into {@code OUT_DIR}, for a person to look at (docs/ui.md, "Screenshots"; {@code scripts/screenshots}).
 *
 * <p>The flow is the app's own ({@link org.parley.ui.DesktopApp} wiring, with a {@link FakeParley} instead of the
 * SIP core): a real encrypted profile with sample data ({@link ScreenshotData}) in a temporary folder, the unlock
 * screen refusing a wrong passphrase and then opening it, the main window, the search, the settings and account
 * dialogs (their {@code showAndWait} runs in a nested event loop while a pulse timer takes the picture and closes
 * them), the dark theme and the German strings. Every picture waits for a real condition (view-model state, nodes
 * shown) and then for two more pulses; there are no fixed sleeps. A picture of one colour fails the run.
 *
 * <p>Exit status 0 when every PNG is written, 1 on any failure or after {@value #TIMEOUT_SECONDS} s.
 * The JVM is ended with {@link System#exit} (or halted by the timeout) whatever threads are left.
 */
public final class Screenshots {
    static final long TIMEOUT_SECONDS = 60;
    private static final long START = System.nanoTime();

    private final Path out;
    private final Path work;
    private final I18n en = TestProfiles.english();
    private Async async;
    private Stage stage;
    private SettingsViewModel settings;
    private volatile FakeParley parley;
    private volatile MainViewModel main;
    private int written;

    private Screenshots(Path out, Path work) {
        this.out = out;
        this.work = work;
    }

    public static void main(String[] args) {
        Thread timeout = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("screenshots: FAILED, not done after " + TIMEOUT_SECONDS + " s");
            Runtime.getRuntime().halt(1);
        }, "screenshots-timeout");
        timeout.setDaemon(true);
        timeout.start();
        int status = 1;
        Path work = null;
        try {
            Path out = Path.of(args.length > 0 ? args[0] : "ui/target/screenshots").toAbsolutePath();
            Files.createDirectories(out);
            work = Files.createTempDirectory("parley-screenshots");
            Screenshots s = new Screenshots(out, work);
            s.run();
            System.out.printf("screenshots: %d PNGs in %s (%.1f s)%n", s.written, out, seconds());
            status = 0;
        } catch (Throwable e) {
            System.err.println("screenshots: FAILED: " + e);
            e.printStackTrace();
        } finally {
            deleteQuietly(work);
        }
        System.exit(status);
    }

    private void run() throws Exception {
        Path profileDir = work.resolve("profile");
        try (Profile p = TestProfiles.create(work)) {
            ScreenshotData.fill(p);
        }
        log("sample profile written");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        await(started, () -> "JavaFX to start");
        log("JavaFX started");
        Platform.setImplicitExit(false);

        // The composition root's first steps (DesktopApp.start), with this run's own settings file.
        fx(() -> {
            async = FxAsync.create();
            settings = new SettingsViewModel(new SettingsStore(work.resolve("desktop.properties")),
                    UiSettings.defaults(), async, en);
            Themes.apply(settings.themeProperty().get());
            settings.themeProperty().addListener((o, a, theme) -> Themes.apply(theme));
            stage = new Stage();
            stage.setTitle(en.t("app.name"));
            return null;
        });

        firstRun();
        wrongPassphrase(profileDir);
        fx(() -> {
            type(stage.getScene(), "#passphrase", TestProfiles.PASSPHRASE);
            ((Button) stage.getScene().lookup("#unlock-submit")).fire();
            return null;
        });
        await(need(() -> main != null, "the profile to unlock"));
        MainViewModel mainEn = main;
        Scene mainScene = fx(() -> stage.getScene());
        openTheChat(mainEn, mainScene, "c1");
        shoot("03-contacts-and-chat.png", () -> mainScene, () -> chatMissing(mainEn, mainScene), null, null);

        shoot("04-search.png", () -> mainScene, need(() -> mainEn.search().results().size() >= 3
                && visible(mainScene.lookup(".search-hit")), "three search results on screen"), () -> {
                    menuItem(mainScene, en.t("search.menu")).fire();
                    type(mainScene, "#search-field", ScreenshotData.SEARCH);
                    mainScene.lookup("#search-field").fireEvent(new ActionEvent()); // Enter
                }, null);

        shoot("05-settings.png", () -> dialog().orElseThrow().getScene(),
                need(() -> dialog().filter(w -> visible(w.getScene().lookup(".tab-pane"))
                        && visible(w.getScene().lookup("#accounts"))).isPresent(), "the settings dialog"),
                () -> menuItem(mainScene, en.t("menu.settings")).fire(), Screenshots::closeDialog);
        await(need(() -> dialog().isEmpty(), "the settings dialog to close"));

        shoot("06-account-dialog.png", () -> dialog().orElseThrow().getScene(),
                need(() -> dialog().map(w -> w.getScene().lookup("#account-cert-fingerprint"))
                        .filter(f -> visible(f) && !((javafx.scene.control.TextInputControl) f).getText().isEmpty()).isPresent(),
                        "the account dialog with the certificate's fingerprint"),
                () -> editAccount(mainScene, ScreenshotData.CORP), Screenshots::closeDialog);
        await(need(() -> dialog().isEmpty(), "the account dialog to close"));

        shoot("07-dark-theme.png", () -> mainScene, all(() -> chatMissing(mainEn, mainScene),
                need(() -> dark(mainScene.lookup("#messages")), "the dark theme applied")), () -> {
                    settings.themeProperty().set(Theme.DARK);
                    showContacts(mainScene);
                }, null);

        german();
        fx(() -> {
            stage.hide();
            return null;
        });
    }

    /** 01: a new profile; the passphrase typed twice, the strength hint showing. */
    private void firstRun() throws Exception {
        UnlockViewModel vm = fx(() -> {
            UnlockViewModel first = new UnlockViewModel(ProfileGate.at(work.resolve("new-profile")), async, en,
                    p -> { });
            show(new UnlockView(first, en).build(), 520, 440);
            return first;
        });
        shoot("01-first-run.png", () -> stage.getScene(), need(() -> vm.isFirstRun()
                && vm.strengthProperty().get() == PassphraseStrength.WEAK
                && stage.getScene().lookup("#strength") instanceof Label hint && visible(hint)
                && hint.getText().equals(vm.strengthText()), "the strength hint"), () -> {
                    type(stage.getScene(), "#passphrase", "sunflower");
                    type(stage.getScene(), "#confirmation", "sunflower");
                    stage.getScene().lookup("#passphrase").requestFocus();
                }, null);
    }

    /** 02: the existing profile, a wrong passphrase submitted through the real view-model (key derivation). */
    private void wrongPassphrase(Path profileDir) throws Exception {
        UnlockViewModel vm = fx(() -> {
            UnlockViewModel unlock = new UnlockViewModel(ProfileGate.at(profileDir), async, en, this::unlocked);
            show(new UnlockView(unlock, en).build(), 520, 440);
            return unlock;
        });
        shoot("02-unlock-wrong-passphrase.png", () -> stage.getScene(), need(() -> !vm.busyProperty().get()
                && !vm.errorProperty().get().isEmpty() && visible(stage.getScene().lookup("#unlock-error")),
                "the wrong-passphrase sentence"), () -> {
                    type(stage.getScene(), "#passphrase", "correct horse staple");
                    ((Button) stage.getScene().lookup("#unlock-submit")).fire();
                }, null);
    }

    /**
     * DesktopApp.unlocked, with the fake core: main window, then the core "starts" and reports registrations.
     * Unlike the app, the window-focus property is not bound to the stage: without a window manager Xvfb's focus
     * is arbitrary, and the pictures want the window as the user sees it (focused, the chat in front read).
     */
    private void unlocked(Profile profile) {
        FakeParley fake = new FakeParley(profile);
        MainViewModel vm = new MainViewModel(fake, async, en, (title, text, open) -> { }, settings);
        fake.addListener(vm::onEvent, Platform::runLater);
        show(new MainView(vm, async, en, url -> { }, () -> { }).build(), 1100, 720);
        stage.centerOnScreen();
        vm.start();
        fake.start();
        ScreenshotData.registrations(fake);
        parley = fake;
        main = vm;
    }

    /** Once contacts are loaded: two messages from Carol (unread), Bob's chat opened, Bob typing, a draft. */
    private void openTheChat(MainViewModel vm, Scene scene, String sipKey) throws Exception {
        await(need(() -> vm.contacts().shown().size() == ScreenshotData.CONTACTS
                && vm.accounts().accounts().size() == ScreenshotData.ACCOUNTS, "contacts and accounts loaded"));
        ScreenshotData.receive(parley, ScreenshotData.CAROL, "Are you coming to the release party on Friday? 🍕",
                sipKey + "a");
        ScreenshotData.receive(parley, ScreenshotData.CAROL, "Bring the cake 🎂", sipKey + "b");
        fx(() -> {
            vm.open(ScreenshotData.BOB);
            parley.emit(new org.parley.app.ParleyEvent.TypingChanged(ScreenshotData.BOB.account(),
                    ScreenshotData.BOB.peer(), true));
            showContacts(scene);
            type(scene, "#composer", "Let's look at the release at 3 pm");
            return null;
        });
    }

    /** What the main window still lacks of what the pictures should show, or null when all is on screen. */
    private static String chatMissing(MainViewModel vm, Scene scene) {
        var chat = vm.chats().selectedProperty().get();
        if (chat == null || !chat.key().equals(ScreenshotData.BOB)) {
            return "Bob's chat selected";
        }
        if (chat.messages().size() != ScreenshotData.BOB_MESSAGES) {
            return "Bob's " + ScreenshotData.BOB_MESSAGES + " messages (" + chat.messages().size() + ")";
        }
        if (!chat.peerTypingProperty().get()) {
            return "Bob typing";
        }
        if (!vm.contacts().find(ScreenshotData.CAROL).map(c -> c.unreadProperty().get() == 2).orElse(false)) {
            return "Carol's unread counter at 2";
        }
        if (!vm.accounts().accounts().stream().allMatch(a -> RegistrationText.isOutcome(a.stateProperty().get()))) {
            return "the accounts' registration outcomes";
        }
        if (scene.getRoot().lookupAll(".unread-badge").stream().noneMatch(Screenshots::visible)) {
            return "an unread badge on screen";
        }
        if (!visible(scene.lookup("#typing"))) {
            return "the typing indicator on screen";
        }
        int bubbles = scene.getRoot().lookupAll(".bubble").size();
        if (bubbles < ScreenshotData.BOB_MESSAGES) {
            return "the message bubbles on screen (" + bubbles + ")";
        }
        return null;
    }

    /** 08: the same main window in German, in the same window (a second view-model over the same fake core). */
    private void german() throws Exception {
        I18n de = I18n.load(Locale.GERMAN);
        MainViewModel vm = fx(() -> {
            settings.themeProperty().set(Theme.LIGHT);
            MainViewModel german = new MainViewModel(parley, async, de, (title, text, open) -> { }, settings);
            parley.addListener(german::onEvent, Platform::runLater);
            show(new MainView(german, async, de, url -> { }, () -> { }).build(), 1100, 720);
            german.start();
            return german;
        });
        Scene scene = fx(() -> stage.getScene());
        openTheChat(vm, scene, "d1");
        shoot("08-german.png", () -> scene, all(() -> chatMissing(vm, scene),
                need(() -> !dark(scene.lookup("#messages")), "the light theme applied")), null, null);
    }

    private void show(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Themes.appCss());
        stage.setScene(scene);
        stage.show();
    }

    /** Types into a text field: the text arrives through the field's binding, the caret ends after it. */
    private static void type(Scene scene, String id, String text) {
        TextInputControl field = (TextInputControl) scene.lookup(id);
        field.requestFocus();
        field.setText(text);
        field.end();
    }

    /** The contacts tab in front, Bob's row selected (as after a double-click on it), the composer focused. */
    private static void showContacts(Scene scene) {
        Node n = scene.lookup("#contacts");
        @SuppressWarnings("unchecked")
        ListView<ContactItem> list = (ListView<ContactItem>) n;
        while (!(n instanceof TabPane)) {
            n = n.getParent();
        }
        ((TabPane) n).getSelectionModel().select(0);
        list.getItems().stream().filter(c -> c.key().equals(ScreenshotData.BOB)).findFirst()
                .ifPresent(list.getSelectionModel()::select);
        scene.lookup("#composer").requestFocus();
    }

    /** Opens the account dialog the way a user does: select the row, "Edit" from its context menu. */
    private void editAccount(Scene scene, String id) {
        @SuppressWarnings("unchecked")
        ListView<AccountItem> list = (ListView<AccountItem>) scene.lookup("#accounts");
        AccountItem item = list.getItems().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        list.getSelectionModel().select(item);
        list.getContextMenu().getItems().stream().filter(m -> en.t("accounts.edit").equals(m.getText()))
                .findFirst().orElseThrow().fire();
    }

    /**
     * Takes one picture. On the FX thread: starts a pulse timer, then runs {@code action} (which may block in a
     * nested event loop, e.g. a dialog's showAndWait). The timer waits until {@code ready}, then two more pulses,
     * snapshots the scene and runs {@code after} (e.g. closes the dialog). The PNG is written and checked here.
     */
    private void shoot(String name, Supplier<Scene> scene, Ready ready, Runnable action, Runnable after)
            throws Exception {
        CompletableFuture<WritableImage> picture = new CompletableFuture<>();
        AtomicReference<String> missing = new AtomicReference<>("the first pulse");
        Platform.runLater(() -> {
            new AnimationTimer() {
                private int pulses = -1;

                @Override
                public void handle(long now) {
                    try {
                        if (pulses < 0) {
                            missing.set(ready.missing());
                            if (missing.get() == null) {
                                pulses = 0;
                            }
                            return;
                        }
                        if (++pulses < 2) {
                            return;
                        }
                        stop();
                        WritableImage image = scene.get().snapshot(null);
                        if (after != null) {
                            after.run();
                        }
                        picture.complete(image);
                    } catch (Throwable e) {
                        stop();
                        picture.completeExceptionally(e);
                    }
                }
            }.start();
            if (action != null) {
                try {
                    action.run();
                } catch (Throwable e) {
                    picture.completeExceptionally(e);
                }
            }
        });
        WritableImage image = await(picture, () -> name + ": " + missing.get());
        Path file = out.resolve(name);
        write(image, file);
        check(file);
        written++;
        log(String.format("%-32s %4.0fx%.0f", name, image.getWidth(), image.getHeight()));
    }

    /** A wait: what is still missing, or null when ready. Checked on the FX thread, once per pulse. */
    @FunctionalInterface
    private interface Ready {
        String missing();
    }

    private static Ready need(BooleanSupplier condition, String what) {
        return () -> condition.getAsBoolean() ? null : what;
    }

    private static Ready all(Ready... parts) {
        return () -> {
            for (Ready r : parts) {
                String m = r.missing();
                if (m != null) {
                    return m;
                }
            }
            return null;
        };
    }

    /** Waits, on the FX thread's pulses, until {@code ready}; the failure names what was still missing. */
    private static void await(Ready ready) throws Exception {
        AtomicReference<String> missing = new AtomicReference<>("the first pulse");
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                try {
                    missing.set(ready.missing());
                    if (missing.get() == null) {
                        stop();
                        done.complete(null);
                    }
                } catch (Throwable e) {
                    stop();
                    done.completeExceptionally(e);
                }
            }
        }.start());
        await(done, missing::get);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return await(result, () -> "an FX task");
    }

    /** Waits at most until shortly before the hard timeout, then fails naming what did not happen. */
    private static <T> T await(CompletableFuture<T> future, Supplier<String> what) throws Exception {
        long left = TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS - 2) - (System.nanoTime() - START);
        try {
            return future.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out waiting for " + what.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException(what.get() + " failed", e.getCause());
        }
    }

    /** The one dialog window showing (settings, account), if any. */
    private static Optional<Window> dialog() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .findFirst();
    }

    /** Presses the dialog's cancel/close button, so the dialog's own close handling runs. */
    private static void closeDialog() {
        DialogPane pane = (DialogPane) dialog().orElseThrow().getScene().getRoot();
        ButtonType cancel = pane.getButtonTypes().stream().filter(b -> b.getButtonData().isCancelButton())
                .findFirst().orElseThrow();
        ((Button) pane.lookupButton(cancel)).fire();
    }

    private static MenuItem menuItem(Scene scene, String text) {
        MenuBar bar = (MenuBar) scene.lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(Screenshots::items).filter(i -> text.equals(i.getText()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no menu item " + text));
    }

    private static Stream<MenuItem> items(Menu menu) {
        return menu.getItems().stream().flatMap(i -> i instanceof Menu m ? items(m) : Stream.of(i));
    }

    /** Shown: in a scene, visible up to the root, and laid out with a size. */
    private static boolean visible(Node node) {
        if (node == null || node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        var b = node.getLayoutBounds();
        return b.getWidth() > 0 && b.getHeight() > 0;
    }

    /** Whether the region's first background fill is a dark colour (the dark theme has been applied). */
    private static boolean dark(Node node) {
        return node instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()
                && r.getBackground().getFills().get(0).getFill() instanceof Color c && c.getBrightness() < 0.5;
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** Reads the PNG back: it must exist and not be one colour (a blank or unrendered window). */
    private static void check(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null || img.getWidth() == 0 || img.getHeight() == 0) {
            throw new IllegalStateException(file + ": not a readable image");
        }
        int first = img.getRGB(0, 0);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != first) {
                    return;
                }
            }
        }
        throw new IllegalStateException(file + ": the whole image is one colour (#"
                + Integer.toHexString(first) + ")");
    }

    private static void log(String what) {
        System.out.printf("screenshots: %-44s (%.1f s)%n", what, seconds());
    }

    private static double seconds() {
        return (System.nanoTime() - START) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder; nothing to do
        }
    }
}
