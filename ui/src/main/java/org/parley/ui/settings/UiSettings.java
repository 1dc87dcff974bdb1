package org.parley.ui.settings;

/**
 * Desktop settings that are not secret and not part of the encrypted profile.
 *
 * @param theme         light or dark
 * @param notifications show desktop notifications for messages arriving while the window is not focused
 */
public record UiSettings(Theme theme, boolean notifications) {
    public static UiSettings defaults() {
        return new UiSettings(Theme.LIGHT, true);
    }
}
