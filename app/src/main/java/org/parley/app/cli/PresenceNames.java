package org.parley.app.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parley.app.presence.PresenceState;

/**
 * The protocol names of presence states: the constant in lower case with '-' for '_' ({@code do-not-disturb}).
 * The same names are written in {@code presence} events and accepted by the {@code presence} command; a user
 * cannot choose {@code unknown}. Pure functions.
 */
final class PresenceNames {
    private PresenceNames() {
    }

    static String of(PresenceState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The state a user may choose named {@code text} (exact, lower case).
     *
     * @throws IllegalArgumentException with a sentence listing the valid names
     */
    static PresenceState choosable(String text) {
        for (PresenceState state : PresenceState.values()) {
            if (state != PresenceState.UNKNOWN && of(state).equals(text)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown presence state \"" + abbreviate(text) + "\": use "
                + choices() + ".");
    }

    /** "available, away, …, offline". */
    static String choices() {
        return Arrays.stream(PresenceState.values()).filter(s -> s != PresenceState.UNKNOWN).map(PresenceNames::of)
                .collect(Collectors.joining(", "));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
