package org.parley.ui.files;

import java.text.NumberFormat;
import org.parley.app.file.FileEnd;
import org.parley.ui.common.I18n;

/**
 * The words of a transfer row: sizes in decimal units (B, kB, MB, GB, TB; one decimal below 100, the locale's
 * separator), speeds, and one sentence per state and per end. Immutable.
 */
public final class TransferText {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};
    private final I18n i18n;

    public TransferText(I18n i18n) {
        this.i18n = i18n;
    }

    /** "999 B", "1.5 kB", "12.3 MB", "512 MB", "1,5 GB" (German); halves round up. */
    public String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 999.5 && unit < UNITS.length - 1) { // would round to "1000"
            value /= 1000;
            unit++;
        }
        NumberFormat f = NumberFormat.getNumberInstance(i18n.locale());
        f.setGroupingUsed(false);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        f.setMaximumFractionDigits(value < 99.95 ? 1 : 0);
        f.setMinimumFractionDigits(value < 99.95 ? 1 : 0);
        return f.format(value) + " " + UNITS[unit];
    }

    /** "1.2 MB/s". */
    public String speed(double bytesPerSecond) {
        return i18n.t("files.speed", size(Math.round(bytesPerSecond)));
    }

    /** "3.2 MB of 10.0 MB", or the bytes alone when the total is not known. */
    public String progress(long bytes, long total) {
        return total < 0 ? size(bytes) : i18n.t("files.progress", size(bytes), size(total));
    }

    /** The sentence while the transfer is live. */
    public String live(TransferItem item, String peerName) {
        return switch (item.phaseProperty().get()) {
            case PREPARING -> i18n.t("files.state.preparing");
            case OFFERED -> i18n.t("files.state.offered", item.sender());
            case WAITING -> item.outgoing() ? i18n.t("files.state.waiting", peerName) : i18n.t("files.state.accepted");
            case RUNNING -> i18n.t(item.outgoing() ? "files.state.sending" : "files.state.receiving");
            case ENDED -> item.stateTextProperty().get();
        };
    }

    /** The receiver has every byte and checks hash and virus scan before it says the verdict. */
    public String verifying(boolean outgoing) {
        return i18n.t(outgoing ? "files.state.peerChecking" : "files.state.checking");
    }

    /** How a transfer of this session ended. */
    public String end(FileEnd end, boolean outgoing) {
        if (end instanceof FileEnd.Done) {
            return i18n.t(outgoing ? "files.end.delivered" : "files.end.saved");
        } else if (end instanceof FileEnd.Declined) {
            return i18n.t(outgoing ? "files.end.declined.out" : "files.end.declined.in");
        } else if (end instanceof FileEnd.Cancelled c) {
            return i18n.t(c.byPeer() ? "files.end.cancelled.peer" : "files.end.cancelled.you");
        } else if (end instanceof FileEnd.Refused r) {
            return i18n.t("files.end.refused", r.rule());
        } else if (end instanceof FileEnd.Quarantined) {
            return i18n.t(outgoing ? "files.end.quarantined.out" : "files.end.quarantined");
        } else if (end instanceof FileEnd.Interrupted i) {
            return i18n.t(outgoing ? "files.end.interrupted.out" : "files.end.interrupted", size(i.received()),
                    size(i.total()));
        } else if (end instanceof FileEnd.Failed f) {
            return i18n.t("files.end.failed", f.sentence());
        }
        return end.reason();
    }

    /** How a transfer from the history ended: only its code is kept, so the words are shorter. */
    public String past(String code, boolean outgoing) {
        return switch (code) {
            case "done" -> i18n.t(outgoing ? "files.end.delivered" : "files.end.saved");
            case "declined" -> i18n.t(outgoing ? "files.end.declined.out" : "files.end.declined.in");
            case "cancelled" -> i18n.t("files.end.cancelled");
            case "refused" -> i18n.t("files.end.refused.past");
            case "quarantined" -> i18n.t(outgoing ? "files.end.quarantined.out" : "files.end.quarantined");
            case "failed" -> i18n.t("files.end.failed.past");
            case "interrupted" -> i18n.t("files.end.interrupted.past");
            default -> code;
        };
    }

    /** The identity warning for an offer, as the incoming-call window words it; "" when none. */
    public String warning(String displayName, String contactName) {
        String claimed = displayName == null ? "" : displayName.strip();
        if (contactName.isBlank()) {
            return claimed.isEmpty() ? i18n.t("files.warning.unknown") : i18n.t("files.warning.unknownClaims", claimed);
        }
        if (!claimed.isEmpty() && !claimed.equalsIgnoreCase(contactName.strip())) {
            return i18n.t("files.warning.mismatch", claimed, contactName.strip());
        }
        return "";
    }
}
