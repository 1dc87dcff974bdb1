package org.parley.app.sdp;

/** Whether Parley protects audio with SDES-SRTP (RFC 4568 {@code a=crypto}). */
public enum SrtpPolicy {
    /** Plain RTP; {@code RTP/SAVP} offers are rejected and {@code a=crypto} in {@code RTP/AVP} offers is ignored. */
    OFF,
    /**
     * Best effort: offers are {@code RTP/AVP} with {@code a=crypto} lines (as baresip's and Linphone's optional SRTP
     * do); answers accept {@code RTP/SAVP}, or {@code RTP/AVP} with or without a usable crypto line.
     */
    OPTIONAL,
    /** Mandatory: offers are {@code RTP/SAVP}; streams without a usable crypto line are rejected. */
    REQUIRED
}
