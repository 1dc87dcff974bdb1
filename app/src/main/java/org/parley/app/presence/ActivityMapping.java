package org.parley.app.presence;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * RPID activities (RFC 4480 §3.2) to {@link PresenceState} and back. Pure and thread-safe.
 *
 * <p>Names are compared after lower-casing and dropping everything but letters and digits, so
 * {@code on-the-phone}, {@code onthephone} (old drafts) and {@code ON_THE_PHONE} are one activity; the text of
 * {@code <rpid:other>} goes through the same table ("Do Not Disturb", "dnd", "In a meeting").
 *
 * <p>Several activities: the strongest wins, in this order: do-not-disturb, on-the-phone, in-a-meeting, busy,
 * away. Activities that say nothing about reachability (working, looking-for-work, unknown, unknown names) are
 * ignored.
 */
public final class ActivityMapping {
    /** Strongest first. */
    private static final List<PresenceState> PRECEDENCE = List.of(PresenceState.DO_NOT_DISTURB,
            PresenceState.ON_THE_PHONE, PresenceState.IN_A_MEETING, PresenceState.BUSY, PresenceState.AWAY);

    private static final Map<String, PresenceState> BY_NAME = Map.ofEntries(
            // RFC 4480 §3.2 enumeration
            Map.entry("appointment", PresenceState.IN_A_MEETING),
            Map.entry("away", PresenceState.AWAY),
            Map.entry("breakfast", PresenceState.AWAY),
            Map.entry("busy", PresenceState.BUSY),
            Map.entry("dinner", PresenceState.AWAY),
            Map.entry("holiday", PresenceState.AWAY),
            Map.entry("intransit", PresenceState.AWAY),
            Map.entry("meal", PresenceState.AWAY),
            Map.entry("meeting", PresenceState.IN_A_MEETING),
            Map.entry("onthephone", PresenceState.ON_THE_PHONE),
            Map.entry("performance", PresenceState.BUSY),
            Map.entry("permanentabsence", PresenceState.AWAY),
            Map.entry("playing", PresenceState.AWAY),
            Map.entry("presentation", PresenceState.IN_A_MEETING),
            Map.entry("shopping", PresenceState.AWAY),
            Map.entry("sleeping", PresenceState.AWAY),
            Map.entry("spectator", PresenceState.AWAY),
            Map.entry("steering", PresenceState.BUSY),
            Map.entry("travel", PresenceState.AWAY),
            Map.entry("tv", PresenceState.AWAY),
            Map.entry("vacation", PresenceState.AWAY),
            Map.entry("worship", PresenceState.AWAY),
            // words clients put in <rpid:other> or older drafts' <activity>
            Map.entry("donotdisturb", PresenceState.DO_NOT_DISTURB),
            Map.entry("dnd", PresenceState.DO_NOT_DISTURB),
            Map.entry("inameeting", PresenceState.IN_A_MEETING),
            Map.entry("inacall", PresenceState.ON_THE_PHONE),
            Map.entry("berightback", PresenceState.AWAY),
            Map.entry("outtolunch", PresenceState.AWAY),
            Map.entry("lunch", PresenceState.AWAY),
            Map.entry("idle", PresenceState.AWAY),
            Map.entry("extendedaway", PresenceState.AWAY));

    private ActivityMapping() {
    }

    /** The state one activity name means, or empty if it says nothing about reachability. */
    public static Optional<PresenceState> stateOf(String activity) {
        return Optional.ofNullable(BY_NAME.get(normalise(activity)));
    }

    /** The strongest state among {@code activities}, or empty if none of them means one. */
    public static Optional<PresenceState> strongest(Collection<String> activities) {
        PresenceState best = null;
        for (String activity : activities) {
            PresenceState state = BY_NAME.get(normalise(activity));
            if (state != null && (best == null || PRECEDENCE.indexOf(state) < PRECEDENCE.indexOf(best))) {
                best = state;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The RPID activity elements published for {@code state}: local names in the RPID namespace, with
     * {@code "other:TEXT"} standing for {@code <rpid:other>TEXT</rpid:other>}. Do-not-disturb has no RPID
     * activity: it is published as {@code busy} (what other clients understand) plus {@code other}
     * "do-not-disturb" (what Parley reads back). Available, offline and unknown publish none.
     */
    public static List<String> activitiesFor(PresenceState state) {
        return switch (state) {
            case AWAY -> List.of("away");
            case BUSY -> List.of("busy");
            case DO_NOT_DISTURB -> List.of("busy", "other:do-not-disturb");
            case ON_THE_PHONE -> List.of("on-the-phone");
            case IN_A_MEETING -> List.of("meeting");
            case AVAILABLE, OFFLINE, UNKNOWN -> List.of();
        };
    }

    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
