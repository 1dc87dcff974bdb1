package org.parley.app.call;

/**
 * Why a call ended, as a value (a 486 is {@link Busy}, not an exception). {@link #code()} is the stable name the
 * CLI prints ("busy", "declined", ...).
 */
public sealed interface CallEnd {
    String code();

    /** We hung up (BYE sent) after the call was answered. */
    record HungUp() implements CallEnd {
        public String code() {
            return "hangup";
        }
    }

    /** We transferred the call to someone else (REFER accepted and the new call answered) and left it. */
    record Transferred(String target) implements CallEnd {
        public String code() {
            return "transferred";
        }
    }

    /** The other side hung up (BYE received). */
    record RemoteHungUp() implements CallEnd {
        public String code() {
            return "remote_hangup";
        }
    }

    /** 486 (or 600): busy, or do-not-disturb on the other side. */
    record Busy() implements CallEnd {
        public String code() {
            return "busy";
        }
    }

    /** 603, or we declined an incoming call. */
    record Declined() implements CallEnd {
        public String code() {
            return "declined";
        }
    }

    /** Nobody answered: 408, 480, or our INVITE timed out. */
    record NoAnswer() implements CallEnd {
        public String code() {
            return "no_answer";
        }
    }

    /** The caller gave up before the call was answered (CANCEL, 487). */
    record Cancelled() implements CallEnd {
        public String code() {
            return "cancelled";
        }
    }

    /** Any other final refusal, e.g. 404 or 488. */
    record Rejected(int status, String reason) implements CallEnd {
        public String code() {
            return "rejected";
        }
    }

    /**
     * The session timer ran out (RFC 4028): the peer did not refresh the session in time, or our refresh found the
     * dialog gone; we sent BYE.
     */
    record SessionExpired() implements CallEnd {
        public String code() {
            return "session_expired";
        }
    }

    /** The call could not be set up or kept: no connection, no common codec, media ports unavailable. */
    record Failed(String reason) implements CallEnd {
        public String code() {
            return "failed";
        }
    }

}
