package org.parley.media.stream;

/**
 * Which way audio flows, from our side's point of view, as negotiated in SDP ({@code a=sendrecv},
 * {@code a=sendonly}, {@code a=recvonly}, {@code a=inactive}). RTCP flows in every direction.
 */
public enum StreamDirection {
    SEND_RECEIVE,
    SEND_ONLY,
    RECEIVE_ONLY,
    INACTIVE;

    /** Whether we send RTP audio (and DTMF). */
    public boolean sends() {
        return this == SEND_RECEIVE || this == SEND_ONLY;
    }

    /** Whether we play what arrives, and expect it to arrive (media timeout). */
    public boolean receives() {
        return this == SEND_RECEIVE || this == RECEIVE_ONLY;
    }
}
