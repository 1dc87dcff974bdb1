package org.parley.ui.notify;

/**
 * Shows a desktop notification. Implementations degrade quietly where the desktop offers nothing.
 * Called on the UI thread.
 */
@FunctionalInterface
public interface Notifier {
    /** @param onOpen runs on the UI thread when the user clicks the notification */
    void show(String title, String text, Runnable onOpen);
}
