package org.parley.ui.calls;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.call.CallStats;
import org.parley.ui.common.I18n;

/**
 * Localised words for a call in progress: its state ("Ringing…", "03:12", "Held by Bob"), why it ended ("Busy",
 * "Call failed: …"), its connection quality and the caller-identity warning. Immutable.
 */
final class LiveCallText {
    private final I18n i18n;

    LiveCallText(I18n i18n) {
        this.i18n = i18n;
    }

    /** The state line; {@code talked} is shown instead of the word while the call is {@code ACTIVE}. */
    String state(CallState state, String peerName, Duration talked) {
        return switch (state) {
            case ACTIVE -> clock(talked);
            case REMOTE_HOLD -> i18n.t("call.state.REMOTE_HOLD", peerName);
            default -> i18n.t("call.state." + state.name());
        };
    }

    /** Why the call ended, followed by how long it lasted when it was answered: "Call ended · 03:12". */
    String end(CallEnd end, String peerName, Optional<Duration> talked) {
        String reason;
        if (end instanceof CallEnd.Rejected r) {
            reason = r.reason() == null || r.reason().isBlank()
                    ? i18n.t("call.end.rejectedCode", Integer.toString(r.status()))
                    : i18n.t("call.end.rejected", r.reason(), Integer.toString(r.status()));
        } else if (end instanceof CallEnd.Failed f) {
            reason = i18n.t("call.end.failed", f.reason());
        } else if (end instanceof CallEnd.RemoteHungUp) {
            reason = i18n.t("call.end.remote_hangup", peerName);
        } else {
            reason = i18n.t("call.end." + end.code());
        }
        return talked.map(t -> i18n.t("call.end.talked", reason, clock(t))).orElse(reason);
    }

    /** The end line for a call the core never accepted (a refused address, no account). */
    String notStarted(String sentence) {
        return i18n.t("call.end.failed", sentence);
    }

    String quality(CallQuality quality) {
        return i18n.t("call.quality." + quality.name());
    }

    /** "Connection: good — 0.4 % packet loss, 12 ms jitter, 48 ms round trip, opus". */
    String qualityDetail(CallQuality quality, CallStats stats) {
        String word = quality(quality);
        if (stats.roundTripMillis() < 0) {
            return i18n.t("call.quality.detailNoRtt", word, stats.lossPercent(), stats.jitterMillis(), stats.codec());
        }
        return i18n.t("call.quality.detail", word, stats.lossPercent(), stats.jitterMillis(),
                stats.roundTripMillis(), stats.codec());
    }

    /**
     * The warning for an incoming call, or "": the claimed name differs from the contact list's name, or the
     * address is not in the contact list at all.
     */
    String warning(String displayName, String contactName, boolean nameMismatch) {
        if (nameMismatch) {
            return i18n.t("call.warning.mismatch", displayName.strip(), contactName.strip());
        }
        if (contactName.isBlank()) {
            return displayName.isBlank() ? i18n.t("call.warning.unknown")
                    : i18n.t("call.warning.unknownClaims", displayName.strip());
        }
        return "";
    }

    /** "00:07", "03:12", "1:02:03". */
    static String clock(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%02d:%02d", m, s);
    }
}
