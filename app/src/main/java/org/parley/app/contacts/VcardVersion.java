package org.parley.app.contacts;

/** The vCard versions Parley writes. (It reads 2.1, 3.0 and 4.0.) */
public enum VcardVersion {
    /** RFC 2426. For older address books; adds {@code X-SIP} next to {@code IMPP}. */
    V3_0,
    /** RFC 6350, the default. */
    V4_0
}
