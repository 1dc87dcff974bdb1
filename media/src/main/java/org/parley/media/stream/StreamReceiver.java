package org.parley.media.stream;

import org.parley.media.dtmf.DtmfReceiver;
import org.parley.media.rtp.RtpListener;
import org.parley.media.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive side, called by the RTP session's own thread for every valid packet (already
 * unprotected by the SRTP transform): audio payloads go to the jitter buffer of their codec,
 * telephone-events to a {@link DtmfReceiver}, anything else is counted and dropped. A payload type
 * change between accepted codecs switches the playout to that codec's chain; the chain then starts
 * over as for a new source, as it does after an SSRC change or a return from hold.
 *
 * <p>Threading: {@link #onRtp} on the session's thread; it never blocks (the jitter buffer's lock
 * is held only for a copy) and does not allocate. {@link #current}, {@link #lastArrivalNanos} and
 * the counters are read by other threads.
 */
final class StreamReceiver implements RtpListener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReceiver.class);

    private final DtmfReceiver dtmf = new DtmfReceiver(this::digit);
    private volatile ReceivePlan plan = ReceivePlan.none();
    private volatile StreamListener listener;
    private volatile Decoding current;
    private volatile long lastArrivalNanos = Long.MIN_VALUE;
    private volatile long unknownPayloadTypes;
    private volatile long streamStartNanos = Long.MIN_VALUE;

    // Network thread only.
    private ReceivePlan seenPlan;
    private boolean haveSsrc;
    private int ssrc;

    void setPlan(ReceivePlan next) {
        this.plan = next;
    }

    ReceivePlan plan() {
        return plan;
    }

    void setListener(StreamListener next) {
        this.listener = next;
    }

    /** The chain of the codec received last, or null before the first audio packet. */
    Decoding current() {
        return current;
    }

    /** When the last valid RTP packet arrived (System.nanoTime), or Long.MIN_VALUE. */
    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /**
     * When the audio stream now played started to arrive (its first packet after a codec, source or
     * direction change), or Long.MIN_VALUE.
     */
    long streamStartNanos() {
        return streamStartNanos;
    }

    /** Packets dropped because their payload type is neither an accepted codec nor our events. */
    long unknownPayloadTypes() {
        return unknownPayloadTypes;
    }

    @Override
    public void onRtp(RtpPacket packet) {
        long now = System.nanoTime();
        lastArrivalNanos = now;
        ReceivePlan p = plan;
        boolean restart = seenPlan == null || p.receivingSince() != seenPlan.receivingSince();
        seenPlan = p;
        if (!p.receives()) {
            return;
        }
        if (!haveSsrc || packet.ssrc() != ssrc) {
            haveSsrc = true;
            ssrc = packet.ssrc();
            restart = true;
        }
        int pt = packet.payloadType();
        if (pt == p.eventPayloadType()) {
            dtmf.receive(packet);
            return;
        }
        Decoding d = p.byPayloadType()[pt];
        if (d == null) {
            unknownPayloadTypes++;
            return;
        }
        if (restart || d != current) {
            d.buffer.sourceChanged();
            current = d;
            streamStartNanos = now;
        }
        d.buffer.offer(packet.sequenceNumber(), packet.timestamp(), packet.buffer(),
                packet.payloadOffset(), packet.payloadLength(), now);
    }

    private void digit(char digit) {
        StreamListener l = listener;
        if (l == null) {
            return;
        }
        try {
            l.dtmfReceived(digit);
        } catch (RuntimeException e) {
            LOG.warn("stream listener failed on DTMF {}", digit, e);
        }
    }
}
