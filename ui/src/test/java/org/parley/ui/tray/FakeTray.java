package org.parley.ui.tray;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;

/**
 * A tray for tests: {@code supported} decides whether the desktop "has" one; the test clicks the menu through
 * {@link #clickOpen()}, {@link #clickQuit()} and {@link #clickIcon()}, which, like AWT's, arrive on the FX thread.
 */
public final class FakeTray implements Tray {
    private final boolean supported;
    private volatile TrayMenu menu;
    private volatile boolean removed;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    public FakeTray(boolean supported) {
        this.supported = supported;
    }

    @Override
    public boolean install(TrayMenu menu) {
        if (!supported) {
            return false;
        }
        this.menu = menu;
        return true;
    }

    @Override
    public void message(String title, String text) {
        if (menu != null && !removed) {
            messages.add(title + ": " + text);
        }
    }

    @Override
    public void remove() {
        removed = true;
    }

    /** True while an icon is showing. */
    public boolean showing() {
        return menu != null && !removed;
    }

    public TrayMenu menu() {
        return menu;
    }

    public List<String> messages() {
        return messages;
    }

    public void clickOpen() {
        Platform.runLater(menu.onOpen());
    }

    public void clickQuit() {
        Platform.runLater(menu.onQuit());
    }

    public void clickIcon() {
        Platform.runLater(menu.onIcon());
    }
}
