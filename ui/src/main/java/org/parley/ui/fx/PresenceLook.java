package org.parley.ui.fx;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.app.presence.PresenceState;

/**
 * How a presence state looks: a distinct icon shape per state plus a colour (style class
 * {@code presence-STATE}), always next to the state's name, so colour is never the only signal.
 */
public final class PresenceLook {
    private PresenceLook() {
    }

    public static FontIcon icon(PresenceState state) {
        FontIcon icon = new FontIcon(glyph(state));
        icon.getStyleClass().addAll("presence-icon", styleClass(state));
        return icon;
    }

    /**
     * Shows {@code state} on an icon made by {@link #icon}. Changes nothing when it already shows it: list cells
     * call this on every update, and a needless style change would restyle (and re-lay out) the row each time.
     */
    public static void show(FontIcon icon, PresenceState state) {
        String style = styleClass(state);
        if (icon.getStyleClass().contains(style)) {
            return;
        }
        icon.setIconCode(glyph(state));
        icon.getStyleClass().setAll("presence-icon", style);
    }

    public static String styleClass(PresenceState state) {
        return "presence-" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static Feather glyph(PresenceState state) {
        return switch (state) {
            case AVAILABLE -> Feather.CHECK_CIRCLE;
            case AWAY -> Feather.CLOCK;
            case BUSY -> Feather.MINUS_CIRCLE;
            case DO_NOT_DISTURB -> Feather.SLASH;
            case ON_THE_PHONE -> Feather.PHONE_CALL;
            case IN_A_MEETING -> Feather.USERS;
            case OFFLINE -> Feather.X_CIRCLE;
            case UNKNOWN -> Feather.HELP_CIRCLE;
        };
    }
}
