package org.parley.app.call;

/** Where a call stands, as the faces show it. */
public enum CallState {
    /** Our INVITE is on its way. */
    CALLING,
    /** The callee's phone rings (180/183). */
    RINGING,
    /** Someone calls us; answer or decline. */
    INCOMING,
    /** Talking: media flows. */
    ACTIVE,
    /** We put the call on hold (we neither hear nor are heard, apart from what the peer plays). */
    ON_HOLD,
    /** The peer put us on hold. */
    REMOTE_HOLD
}
