package org.parley.ui.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import org.parley.storage.CallRecord;
import org.parley.storage.Direction;
import org.parley.ui.common.I18n;

/**
 * Localised words for a finished call: "outgoing, 3:12, today 14:05", "missed, yesterday 09:30",
 * "outgoing, busy, 20 Nov 2026 08:00". Dates and times are in the clock's zone and the bundle's locale.
 * Immutable; the clock is read at each call, so "today" stays right across midnight.
 */
final class CallText {
    /** End codes with words of their own ({@code calls.history.end.CODE}); others read "not answered". */
    private static final Set<String> KNOWN_ENDS = Set.of("busy", "declined", "no_answer", "cancelled", "rejected",
            "failed");

    private final I18n i18n;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final DateTimeFormatter date;

    CallText(I18n i18n, Clock clock) {
        this.i18n = i18n;
        this.clock = clock;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(i18n.locale());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
    }

    /** "Bob Builder — outgoing, 3:12, today 14:05". */
    String sentence(String name, CallRecord call) {
        return i18n.t("calls.history.row", name, detail(call));
    }

    /** Everything but the name: what happened, then when it started. */
    String detail(CallRecord call) {
        return i18n.t("calls.history.detail", outcome(call), when(call));
    }

    private String outcome(CallRecord call) {
        String direction = i18n.t(call.direction() == Direction.OUT ? "calls.history.outgoing"
                : "calls.history.incoming");
        if (call.answered().isPresent()) {
            return i18n.t("calls.history.detail", direction, duration(call.talked()));
        }
        if (call.direction() == Direction.IN && !"declined".equals(call.endReason())) {
            return i18n.t("calls.history.missed");
        }
        String end = KNOWN_ENDS.contains(call.endReason()) ? "calls.history.end." + call.endReason()
                : "calls.history.end.other";
        return i18n.t("calls.history.detail", direction, i18n.t(end));
    }

    private String when(CallRecord call) {
        ZonedDateTime started = call.started().atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        String at = time.format(started);
        if (started.toLocalDate().equals(today)) {
            return i18n.t("calls.history.today", at);
        }
        if (started.toLocalDate().equals(today.minusDays(1))) {
            return i18n.t("calls.history.yesterday", at);
        }
        return i18n.t("calls.history.on", date.format(started), at);
    }

    /** "0:07", "3:12", "1:02:03". */
    static String duration(Duration d) {
        long seconds = d.getSeconds();
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
