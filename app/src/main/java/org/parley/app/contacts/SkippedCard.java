package org.parley.app.contacts;

import java.util.Objects;

/**
 * A vCard that was not imported, and why.
 *
 * @param position the card's position in the file, from 1
 * @param name     its name (FN or N), or "" if it had none
 * @param reason   why it was skipped
 * @param detail   one English sentence for the user ("Zoë Test has no SIP address.")
 */
public record SkippedCard(int position, String name, Reason reason, String detail) {
    /** Why a card was skipped. */
    public enum Reason {
        /** No IMPP/X-SIP/TEL sip: value at all. */
        NO_SIP_ADDRESS,
        /** SIP-looking values, none of which is a valid SIP address. */
        INVALID_SIP_ADDRESS
    }

    public SkippedCard {
        Objects.requireNonNull(name);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(detail);
    }
}
