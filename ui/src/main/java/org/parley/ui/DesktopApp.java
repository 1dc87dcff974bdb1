package org.parley.ui;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.app.Parley;
import org.parley.app.core.CoreOptions;
import org.parley.app.core.ParleyCore;
import org.parley.storage.Profile;
import org.parley.ui.about.AboutDialog;
import org.parley.ui.about.Versions;
import org.parley.ui.common.Async;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.FxAsync;
import org.parley.ui.fx.Themes;
import org.parley.ui.main.MainView;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.handoff.HandoffInbox;
import org.parley.ui.handoff.HandoffServer;
import org.parley.ui.handoff.SingleInstance;
import org.parley.ui.notify.DesktopNotifier;
import org.parley.ui.notify.Notifier;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.tray.AwtTray;
import org.parley.ui.tray.Tray;
import org.parley.ui.tray.TrayMenu;
import org.parley.ui.unlock.ProfileGate;
import org.parley.ui.unlock.UnlockView;
import org.parley.ui.unlock.UnlockViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the view-models and views and wires them to the core. Unlock screen first;
 * once the profile is open, the core is started with its events delivered on the FX thread
 * ({@code Platform::runLater}) and the main window replaces the unlock screen. Closing the main window hides it
 * when a {@link Tray} icon is showing (its Open shows the window again; its Quit, or Parley → Quit, ends the
 * app); without a tray, and on the unlock screen (the tray appears only after unlock), closing quits, so Parley
 * never runs invisibly. Quitting hides the window, removes the tray icon, closes the session (core, then
 * profile) on a background thread, then exits the FX toolkit.
 *
 * <p>Links: when {@link ParleyDesktop} made this the first instance, the hand-off server runs from
 * {@link #start} on; links (its own command line's and later launches') wait in a {@link HandoffInbox} until
 * the profile is unlocked, then become questions ({@code MainViewModel.links()}).
 */
public final class DesktopApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private final Environment env;
    private final AppDirs dirs;
    private I18n i18n;
    private Async async;
    private Stage stage;
    private SettingsViewModel settings;
    private Session session;
    private DesktopNotifier notifier;
    private MainViewModel main;
    private final HandoffInbox inbox = new HandoffInbox(Platform::runLater);
    private HandoffServer handoff;
    private boolean quitting;

    /** Set by {@link ParleyDesktop} before launch when this process holds the instance lock. */
    private static volatile SingleInstance.Paths handoffPaths;
    private static volatile Optional<String> launchLink = Optional.empty();

    /** Called by {@link ParleyDesktop} before {@code Application.launch}. */
    static void handOff(SingleInstance.Paths paths, Optional<String> link) {
        handoffPaths = paths;
        launchLink = link;
    }

    /**
     * What the self-test and tests replace.
     *
     * @param gate         the profile to unlock
     * @param tray         where a hidden window is found again
     * @param onMainWindow called on the FX thread once the main window's scene is on the stage (it may not be
     *                     laid out yet)
     * @param exit         the last step of quitting, after the session is closed (any thread)
     */
    record Environment(AppDirs dirs, ProfileGate gate, Tray tray, Consumer<Stage> onMainWindow, Runnable exit) {
        static Environment of(AppDirs dirs, Consumer<Stage> onMainWindow) {
            return new Environment(dirs, ProfileGate.at(dirs.dataDir()), new AwtTray(), onMainWindow, Platform::exit);
        }
    }

    /** The real app, over the user's directories ({@link AppDirs#system()}). */
    public DesktopApp() {
        this(AppDirs.system(), stage -> { });
    }

    /** For {@link SelfTest}: other directories, and a callback for the main window (see {@link Environment}). */
    DesktopApp(AppDirs dirs, Consumer<Stage> onMainWindow) {
        this(Environment.of(dirs, onMainWindow));
    }

    DesktopApp(Environment env) {
        this.env = env;
        this.dirs = env.dirs();
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        i18n = I18n.load(Locale.getDefault());
        async = FxAsync.create();
        SettingsStore store = new SettingsStore(dirs.settingsFile());
        settings = new SettingsViewModel(store, store.load(), async, i18n);
        Themes.apply(settings.themeProperty().get());
        settings.themeProperty().addListener((o, a, theme) -> Themes.apply(theme));
        Platform.setImplicitExit(false);
        primary.setOnCloseRequest(e -> {
            e.consume();
            closeRequested();
        });
        primary.setTitle(i18n.t("app.name"));
        LOG.info("desktop app starting; profile directory {}", dirs.dataDir());
        UnlockViewModel unlock = new UnlockViewModel(env.gate(), async, i18n, this::unlocked);
        show(new UnlockView(unlock, i18n).build(), 520, 440);
        afterFirstFrame(primary.getScene(), () -> {
            primary.getIcons().setAll(WindowIcons.load());
            startHandoff();
            unlock.shown();
        });
        primary.show();
    }

    /**
     * Logs "unlock window shown" in the unlock window's first pulse (the cold-start figure in docs/benchmarks.md is
     * measured up to that line) and runs {@code then} once on the FX thread after that pulse has rendered. What the
     * first frame does not need waits until then (window icons, the hand-off server, the unlock screen's warm-up),
     * so the window appears sooner.
     */
    private static void afterFirstFrame(Scene scene, Runnable then) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                LOG.info("unlock window shown");
                Platform.runLater(then);
            }
        };
        scene.addPostLayoutPulseListener(once);
    }

    private void startHandoff() {
        inbox.onShow(this::toFront);
        SingleInstance.Paths paths = handoffPaths;
        if (paths != null) {
            try {
                handoff = SingleInstance.serve(paths, inbox);
            } catch (IOException e) {
                LOG.warn("links from other launches cannot reach this window: {}", e.getMessage());
            }
        }
        launchLink.ifPresent(inbox::offer);
    }

    private void unlocked(Profile profile) {
        session = new Session(profile);
        Parley parley;
        try {
            parley = ParleyCore.open(profile, CoreOptions.defaults().withRinging(true));
        } catch (RuntimeException e) {
            LOG.error("the core could not be opened", e);
            async.background().execute(session::close);
            show(new javafx.scene.control.Label(i18n.t("error.core")), 520, 200);
            return;
        }
        session.attach(parley);
        notifier = DesktopNotifier.install(env.tray(), new TrayMenu(i18n.t("app.name"), i18n.t("app.tray.open"),
                i18n.t("app.tray.quit"), this::toFront, this::toFront, this::quit));
        DesktopNotifier tray = notifier;
        Notifier toFront = (title, text, onOpen) -> tray.show(title, text, () -> {
            toFront();
            onOpen.run();
        });
        main = new MainViewModel(parley, async, i18n, toFront, settings);
        main.windowFocusedProperty().bind(stage.focusedProperty());
        parley.addListener(main::onEvent, Platform::runLater);
        MainView view = new MainView(main, async, i18n, url -> getHostServices().showDocument(url), this::quit)
                .withAbout(() -> AboutDialog.show(stage, i18n, Versions.current(), dirs.dataDir(),
                        dirs.settingsFile().getParent(), dirs.logDir()));
        show(view.build(), 1100, 720);
        stage.centerOnScreen();
        main.start();
        parley.start();
        inbox.attach(main.links()::offer);
        env.onMainWindow().accept(stage);
    }

    private void show(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Themes.appCss());
        stage.setScene(scene);
    }

    /** The window's close button: into the tray when its icon is showing, else quit. */
    private void closeRequested() {
        if (notifier != null && notifier.hasTray()) {
            LOG.info("main window closed; Parley keeps running in the tray");
            stage.hide();
        } else {
            quit();
        }
    }

    private void toFront() {
        if (quitting) {
            return;
        }
        stage.show();
        stage.setIconified(false);
        stage.toFront();
    }

    /** FX thread. Once only: a second Quit (menu, then tray) while shutting down does nothing. */
    private void quit() {
        if (quitting) {
            return;
        }
        quitting = true;
        stage.hide();
        if (notifier != null) {
            notifier.close();
        }
        if (handoff != null) {
            handoff.close(); // the instance lock goes with the process
        }
        Session s = session;
        Runnable saveDrafts = main == null ? () -> { } : main.chats().savingDrafts();
        Thread closer = new Thread(() -> {
            saveDrafts.run();
            if (s != null) {
                s.close();
            }
            env.exit().run();
        }, "parley-ui-shutdown");
        closer.start();
    }
}
