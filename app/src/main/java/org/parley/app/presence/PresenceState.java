package org.parley.app.presence;

/**
 * What the contact list shows for one person, and what the user chooses for themself. The order of the constants
 * means nothing; {@link ActivityMapping} says which RPID activities lead to which state.
 */
public enum PresenceState {
    /** Reachable and not otherwise engaged (an open tuple, no restricting activity). */
    AVAILABLE,
    /** Away from the device: RPID {@code away}, meals, travel, vacation, idle input. */
    AWAY,
    /** Reachable but busy (RPID {@code busy}); messages still arrive. */
    BUSY,
    /** Does not want to be disturbed: calls are refused and notifications silent. Still reachable (open). */
    DO_NOT_DISTURB,
    /** In a call (RPID {@code on-the-phone}). */
    ON_THE_PHONE,
    /** In a meeting or appointment (RPID {@code meeting}, {@code appointment}, {@code presentation}). */
    IN_A_MEETING,
    /** Signed out: every tuple says {@code <basic>closed</basic>}. */
    OFFLINE,
    /** Nothing usable is known: no document yet, an empty NOTIFY body, or a document without status. */
    UNKNOWN;

    /** Whether the state is published with {@code <basic>open</basic>}: every state but offline (and unknown). */
    public boolean isOpen() {
        return this != OFFLINE && this != UNKNOWN;
    }
}
