package org.parley.ui.tray;

/**
 * A status icon outside the main window, from which a hidden window is found again. Where a desktop has one,
 * closing the main window only hides it; where none can be shown, closing quits, so Parley never runs
 * invisibly ({@code DesktopApp}). Implementations: {@link AwtTray}; tests use a fake.
 *
 * <p>Threading: {@link #install} and {@link #remove} are called on the FX thread; {@link #message} from any
 * thread. The implementation runs the menu's actions on the FX thread.
 */
public interface Tray {

    /**
     * Shows the icon with the menu's Open and Quit. Called at most once.
     *
     * @return true when the icon is showing; false, with nothing shown, where this desktop has no tray
     */
    boolean install(TrayMenu menu);

    /** A short message at the icon; a click on it arrives as the menu's {@code onIcon}. Ignored when not shown. */
    void message(String title, String text);

    /** Removes the icon (on quit). Idempotent. */
    void remove();
}
