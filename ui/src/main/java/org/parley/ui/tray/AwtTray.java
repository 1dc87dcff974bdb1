package org.parley.ui.tray;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray through AWT's {@link SystemTray} (XEmbed/StatusNotifier on Linux desktops that have one, the
 * notification area on Windows, the menu bar on macOS). Unavailable — headless AWT, no tray host (plain Xvfb,
 * GNOME without an extension), or a failure adding the icon — means {@link #install} returns false after one
 * log line. On X11 the tray host is looked for first without AWT ({@link X11TrayHost}), so a desktop without one
 * never loads AWT's toolkit. AWT's events are handed to the FX thread at once; the icon is added and removed on
 * AWT's thread where AWT needs it.
 */
public final class AwtTray implements Tray {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTray.class);
    private volatile TrayIcon icon;

    @Override
    public boolean install(TrayMenu menu) {
        if (X11TrayHost.ask() == X11TrayHost.Answer.ABSENT) {
            LOG.info("no system tray on this desktop (X11: no tray host)");
            return false; // and AWT's toolkit is never loaded
        }
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                LOG.info("no system tray on this desktop");
                return false;
            }
            TrayIcon trayIcon = new TrayIcon(image(), menu.tooltip());
            trayIcon.setImageAutoSize(true);
            trayIcon.addActionListener(e -> Platform.runLater(menu.onIcon()));
            PopupMenu popup = new PopupMenu();
            MenuItem open = new MenuItem(menu.openLabel());
            open.addActionListener(e -> Platform.runLater(menu.onOpen()));
            MenuItem quit = new MenuItem(menu.quitLabel());
            quit.addActionListener(e -> Platform.runLater(menu.onQuit()));
            popup.add(open);
            popup.add(quit);
            trayIcon.setPopupMenu(popup);
            SystemTray.getSystemTray().add(trayIcon);
            icon = trayIcon;
            return true;
        } catch (AWTException | RuntimeException | LinkageError e) {
            LOG.info("system tray unavailable: {}", e.toString());
            return false;
        }
    }

    @Override
    public void message(String title, String text) {
        TrayIcon trayIcon = icon;
        if (trayIcon != null) {
            EventQueue.invokeLater(() -> trayIcon.displayMessage(title, text, TrayIcon.MessageType.NONE));
        }
    }

    @Override
    public void remove() {
        TrayIcon trayIcon = icon;
        icon = null;
        if (trayIcon != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(trayIcon));
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
