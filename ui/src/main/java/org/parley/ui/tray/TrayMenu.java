package org.parley.ui.tray;

import java.util.Objects;

/**
 * What the tray icon offers. Each action runs on the FX thread.
 *
 * @param tooltip   the icon's tooltip (the app's name)
 * @param openLabel the menu item that shows the main window
 * @param quitLabel the menu item that ends Parley
 * @param onIcon    a click on the icon or on a message shown at it
 * @param onOpen    the menu's Open
 * @param onQuit    the menu's Quit
 */
public record TrayMenu(String tooltip, String openLabel, String quitLabel, Runnable onIcon, Runnable onOpen,
                       Runnable onQuit) {
    public TrayMenu {
        Objects.requireNonNull(tooltip);
        Objects.requireNonNull(openLabel);
        Objects.requireNonNull(quitLabel);
        Objects.requireNonNull(onIcon);
        Objects.requireNonNull(onOpen);
        Objects.requireNonNull(onQuit);
    }

    /** The same menu with another icon action. */
    public TrayMenu withIcon(Runnable action) {
        return new TrayMenu(tooltip, openLabel, quitLabel, action, onOpen, onQuit);
    }
}
