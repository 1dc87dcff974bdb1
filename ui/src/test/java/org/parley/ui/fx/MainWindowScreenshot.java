package org.parley.ui.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.DeliveryState;
import org.parley.storage.Profile;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.main.MainView;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.Theme;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

/**
 * Not a test: renders the main window with a sample conversation on a real display (Xvfb) and writes a PNG,
 * for looking at the layout. Usage (docs/ui.md): {@code xvfb-run -a mvn -B -q -o -pl ui exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.parley.ui.fx.MainWindowScreenshot -Dexec.args="out.png [dark]"}.
 */
public final class MainWindowScreenshot {
    private MainWindowScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "main-window.png").toAbsolutePath();
        Theme theme = args.length > 1 && args[1].equals("dark") ? Theme.DARK : Theme.LIGHT;
        Path dir = Files.createTempDirectory("parley-shot");
        Profile profile = TestProfiles.create(dir);
        ConversationKey bob = new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB);
        profile.accounts().save(new AccountRecord(TestProfiles.ALICE, "alice", "pw", null, "TLS", 600, null, null));
        profile.accounts().save(new AccountRecord("sip:alice@corp.example", "alice", "pw", null, "UDP", 600, null, null));
        profile.contacts().save(new ContactRecord(TestProfiles.ALICE, TestProfiles.BOB, "Bob Builder", "Work"));
        profile.contacts().save(new ContactRecord(TestProfiles.ALICE, "sip:carol@example.com", "Carol", "Work"));
        profile.contacts().save(new ContactRecord(TestProfiles.ALICE, "sip:dad@example.com", "Dad", "Family"));
        var h = profile.history();
        h.appendIncoming(bob.account(), bob.peer(), "Morning! Did you see the release notes? https://example.com/notes", "k1").join();
        long a = h.appendOutgoing(bob.account(), bob.peer(), "Yes — looks good 👍 I'll test the TLS part today.", "c1").join().id();
        h.updateState(a, DeliveryState.SENT, null).join();
        h.appendIncoming(bob.account(), bob.peer(), "Grüße aus München, 你好, مرحبا", "k2").join();
        long b = h.appendOutgoing(bob.account(), bob.peer(), "Sending this while you are offline.", "c2").join().id();
        h.updateState(b, DeliveryState.STORED_OFFLINE, null).join();
        long c = h.appendOutgoing(bob.account(), bob.peer(), "And this one failed.", "c3").join().id();
        h.updateState(c, DeliveryState.FAILED, "404 Not Found").join();
        h.appendOutgoing(bob.account(), bob.peer(), "Still queued…", "c4").join();
        FakeParley parley = new FakeParley(profile);

        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            Themes.apply(theme);
            var async = FxAsync.create();
            SettingsViewModel settings = new SettingsViewModel(new SettingsStore(dir.resolve("s.properties")),
                    new UiSettings(theme, true), async, TestProfiles.english());
            MainViewModel vm = new MainViewModel(parley, async, TestProfiles.english(), (t, x, o) -> { }, settings);
            parley.addListener(vm::onEvent, Platform::runLater);
            Stage stage = new Stage();
            Scene scene = new Scene(new MainView(vm, async, TestProfiles.english(), u -> { }, () -> { }).build(),
                    1100, 700);
            scene.getStylesheets().add(Themes.appCss());
            stage.setScene(scene);
            stage.setTitle("Parley");
            stage.show();
            vm.start();
            parley.emit(new ParleyEvent.RegistrationChanged(TestProfiles.ALICE, new RegistrationState.Registered(600)));
            parley.emit(new ParleyEvent.RegistrationChanged("sip:alice@corp.example",
                    new RegistrationState.CertificateNotTrusted("AB:CD:EF", "CN=corp.example")));
            parley.emit(new ParleyEvent.MessageReceived(TestProfiles.ALICE, "sip:carol@example.com", "lunch?", 1000,
                    Instant.now()));
            Platform.runLater(() -> {
                vm.open(bob);
                parley.emit(new ParleyEvent.TypingChanged(bob.account(), bob.peer(), true));
                vm.chats().selectedProperty().get().draftProperty().set("Draft kept per conversation");
                new Thread(() -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Platform.runLater(() -> {
                        write(scene.snapshot(null), out);
                        done.countDown();
                    });
                }).start();
            });
        });
        done.await(30, TimeUnit.SECONDS);
        Platform.exit();
        profile.close();
        System.exit(0);
    }

    private static void write(WritableImage image, Path out) {
        int w = (int) image.getWidth();
        int hgt = (int) image.getHeight();
        BufferedImage img = new BufferedImage(w, hgt, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < hgt; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(img, "png", out.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
