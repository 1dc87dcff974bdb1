package org.parley.ui.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications: a ControlsFX popup near the screen corner, and a system tray message where the
 * desktop has a tray. Anything missing (no tray, headless AWT) is skipped quietly after one log line.
 * {@link #show} runs on the FX thread; the tray is touched on AWT's thread.
 *
 * <p>The tray icon has a menu with Open and Quit. Clicking the popup opens the conversation; so does the tray's
 * action within {@link #MESSAGE_CLICK_WINDOW} of a tray message (AWT reports a click on the message balloon as
 * the icon's action), otherwise the action brings the window to the front. All actions run on the FX thread.
 */
public final class DesktopNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);
    /** How long after a tray message the tray's action means "open that conversation". */
    static final long MESSAGE_CLICK_WINDOW = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private final String appName;
    private volatile TrayIcon tray;
    private volatile Runnable lastMessage;
    private volatile long lastMessageAt;

    public DesktopNotifier(String appName, Runnable onTrayClick) {
        this(appName, null, null, onTrayClick, null);
    }

    /**
     * @param openLabel text of the tray menu's "Open" (no menu when null)
     * @param onQuit    the tray menu's "Quit"
     */
    public DesktopNotifier(String appName, String openLabel, String quitLabel, Runnable onTrayClick,
                           Runnable onQuit) {
        this.appName = appName;
        installTray(onTrayClick, openLabel, quitLabel, onQuit);
    }

    /** True when a tray icon is showing, so a hidden window can be found again. */
    public boolean hasTray() {
        return tray != null;
    }

    @Override
    public void show(String title, String text, Runnable onOpen) {
        try {
            Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(6)).onAction(e -> onOpen.run()).showInformation();
        } catch (RuntimeException e) {
            LOG.info("popup notification not shown: {}", e.toString());
        }
        TrayIcon icon = tray;
        if (icon != null) {
            lastMessage = onOpen;
            lastMessageAt = System.nanoTime();
            java.awt.EventQueue.invokeLater(() -> icon.displayMessage(title, text, TrayIcon.MessageType.NONE));
        }
    }

    /** Removes the tray icon (call on exit). */
    public void close() {
        TrayIcon icon = tray;
        tray = null;
        if (icon != null) {
            java.awt.EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
        }
    }

    private void installTray(Runnable onTrayClick, String openLabel, String quitLabel, Runnable onQuit) {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                LOG.info("no system tray on this desktop");
                return;
            }
            TrayIcon icon = new TrayIcon(image(), appName);
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> {
                Runnable message = lastMessage;
                boolean recent = message != null && System.nanoTime() - lastMessageAt < MESSAGE_CLICK_WINDOW;
                lastMessage = null;
                Platform.runLater(recent ? () -> {
                    onTrayClick.run();
                    message.run();
                } : onTrayClick);
            });
            if (openLabel != null && onQuit != null) {
                java.awt.PopupMenu menu = new java.awt.PopupMenu();
                java.awt.MenuItem open = new java.awt.MenuItem(openLabel);
                open.addActionListener(e -> Platform.runLater(onTrayClick));
                java.awt.MenuItem quit = new java.awt.MenuItem(quitLabel);
                quit.addActionListener(e -> Platform.runLater(onQuit));
                menu.add(open);
                menu.add(quit);
                icon.setPopupMenu(menu);
            }
            SystemTray.getSystemTray().add(icon);
            tray = icon;
        } catch (AWTException | RuntimeException | LinkageError e) {
            LOG.info("system tray unavailable: {}", e.toString());
        }
    }

    /** A plain round badge, drawn so no bitmap resource is needed at any scale. */
    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x09, 0x69, 0xda));
        g.fillOval(4, 4, 56, 56);
        g.setColor(Color.WHITE);
        g.fillRoundRect(18, 22, 28, 18, 8, 8);
        g.dispose();
        return img;
    }
}
