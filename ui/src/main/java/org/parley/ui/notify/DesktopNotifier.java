package org.parley.ui.notify;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javafx.geometry.Pos;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.parley.ui.tray.Tray;
import org.parley.ui.tray.TrayMenu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications: a ControlsFX popup near the screen corner, and a message at the {@link Tray} icon where
 * the desktop has a tray. A popup that cannot be shown is skipped after one log line.
 *
 * <p>Clicking the popup opens the conversation; so does a click on the tray icon within
 * {@link #MESSAGE_CLICK_WINDOW} of a tray message (AWT reports a click on the message balloon as a click on the
 * icon), otherwise the icon's click only brings the window to the front.
 *
 * <p>Threading: FX thread, like the tray's actions.
 */
public final class DesktopNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);
    /** How long after a tray message a click on the icon means "open that conversation". */
    static final long MESSAGE_CLICK_WINDOW = TimeUnit.SECONDS.toNanos(10);
    private final Tray tray;
    private final LongSupplier nanoClock;
    private boolean trayShown;
    private Runnable lastMessage;
    private long lastMessageAt;

    private DesktopNotifier(Tray tray, LongSupplier nanoClock) {
        this.tray = tray;
        this.nanoClock = nanoClock;
    }

    /** Installs {@code menu} on {@code tray}; the icon's click also opens the latest message's conversation. */
    public static DesktopNotifier install(Tray tray, TrayMenu menu) {
        return install(tray, menu, System::nanoTime);
    }

    static DesktopNotifier install(Tray tray, TrayMenu menu, LongSupplier nanoClock) {
        DesktopNotifier notifier = new DesktopNotifier(tray, nanoClock);
        notifier.trayShown = tray.install(menu.withIcon(() -> notifier.iconClicked(menu.onIcon())));
        return notifier;
    }

    /** True when a tray icon is showing, so a hidden window can be found again. */
    public boolean hasTray() {
        return trayShown;
    }

    @Override
    public void show(String title, String text, Runnable onOpen) {
        try {
            Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(6)).onAction(e -> onOpen.run()).showInformation();
        } catch (RuntimeException e) {
            LOG.info("popup notification not shown: {}", e.toString());
        }
        if (trayShown) {
            lastMessage = onOpen;
            lastMessageAt = nanoClock.getAsLong();
            tray.message(title, text);
        }
    }

    /** Removes the tray icon (on quit). */
    public void close() {
        trayShown = false;
        tray.remove();
    }

    private void iconClicked(Runnable toFront) {
        Runnable message = lastMessage;
        boolean recent = message != null && nanoClock.getAsLong() - lastMessageAt < MESSAGE_CLICK_WINDOW;
        lastMessage = null;
        toFront.run();
        if (recent) {
            message.run();
        }
    }
}
