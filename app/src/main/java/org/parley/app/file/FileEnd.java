package org.parley.app.file;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a file transfer ended, as a value. {@link #code()} is the stable name the CLI prints, {@link #reason()} one
 * English sentence for logs and the CLI (the desktop translates by type).
 */
public sealed interface FileEnd {
    String code();

    String reason();

    /**
     * The whole file arrived (receiver: verified and saved) or was confirmed by the receiver (sender).
     *
     * @param saved  where the receiver saved it; empty at the sender
     * @param sha256 the verified hash, lower-case hex
     */
    record Done(Optional<Path> saved, String sha256, long bytes) implements FileEnd {
        public String code() {
            return "done";
        }

        public String reason() {
            return "The file arrived complete and verified.";
        }
    }

    /** The receiver declined the offer (603), or we did. */
    record Declined() implements FileEnd {
        public String code() {
            return "declined";
        }

        public String reason() {
            return "The file was declined.";
        }
    }

    /** The transfer was cancelled before it completed, by us or by the peer. */
    record Cancelled(boolean byPeer) implements FileEnd {
        public String code() {
            return "cancelled";
        }

        public String reason() {
            return byPeer ? "The other side cancelled the transfer." : "You cancelled the transfer.";
        }
    }

    /** Policy refused the file (size, type or extension); nothing was transferred. */
    record Refused(String rule) implements FileEnd {
        public String code() {
            return "refused";
        }

        public String reason() {
            return "The file is not allowed by policy: " + rule + ".";
        }
    }

    /** The scan hook flagged the finished file; it was moved to quarantine and is not in the download folder. */
    record Quarantined(Path quarantine) implements FileEnd {
        public String code() {
            return "quarantined";
        }

        public String reason() {
            return "The virus scan flagged the file; it was quarantined.";
        }
    }

    /**
     * The connection broke mid-file; the receiver keeps the part (owner-only, hidden) and can resume with a new
     * offer for the rest (RFC 5547 §8). Reported on both sides.
     */
    record Interrupted(long received, long total) implements FileEnd {
        public String code() {
            return "interrupted";
        }

        public String reason() {
            return "The connection broke after " + received + " of " + total + " bytes; the transfer can be resumed.";
        }
    }

    /** The transfer failed: broken connection, wrong size or hash, the peer refused, no answer. */
    record Failed(String sentence) implements FileEnd {
        public String code() {
            return "failed";
        }

        public String reason() {
            return sentence;
        }
    }
}
