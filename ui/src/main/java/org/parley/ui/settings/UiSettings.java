package org.parley.ui.settings;

import java.util.Objects;

/**
 * Desktop settings that are not secret and not part of the encrypted profile.
 *
 * @param theme         light or dark
 * @param notifications show desktop notifications for messages arriving while the window is not focused
 * @param calls         sound devices and call waiting
 */
public record UiSettings(Theme theme, boolean notifications, CallSettings calls) {

    public UiSettings {
        Objects.requireNonNull(calls, "calls");
    }

    /** Appearance and notifications, with the default call settings. */
    public UiSettings(Theme theme, boolean notifications) {
        this(theme, notifications, CallSettings.defaults());
    }

    public static UiSettings defaults() {
        return new UiSettings(Theme.LIGHT, true);
    }
}
