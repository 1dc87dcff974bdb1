package org.parley.media.stream;

import java.util.Map;
import org.parley.media.codec.Codec;

/**
 * What the receiving side does now, from the latest {@link StreamConfig}: the decoding chain per
 * payload type, our telephone-event payload type, and whether we play at all. Immutable once
 * published; the network thread and the playout thread each read the current plan once per
 * packet or frame.
 *
 * @param byPayloadType 128 entries; null for a payload type we do not accept as audio
 * @param receivingSince when the direction last turned to receiving (System.nanoTime); the media
 *     timeout counts from the later of this and the last packet
 */
record ReceivePlan(Decoding[] byPayloadType, int eventPayloadType, boolean receives, long receivingSince) {

    /** Before start: nothing is accepted. */
    static ReceivePlan none() {
        return new ReceivePlan(new Decoding[128], -1, false, System.nanoTime());
    }

    /**
     * The plan for {@code config}, reusing the decodings of {@code reuse} (codec → chain) so that a
     * re-INVITE with the same codecs keeps the buffers; new chains are added to {@code reuse}.
     */
    static ReceivePlan of(StreamConfig config, Map<Codec, Decoding> reuse, ReceivePlan previous) {
        Decoding[] byPt = new Decoding[128];
        config.receiveCodecs().forEach((pt, codec) -> byPt[pt] = reuse.computeIfAbsent(codec, Decoding::new));
        boolean receives = config.direction().receives();
        long since = receives && previous.receives() ? previous.receivingSince() : System.nanoTime();
        return new ReceivePlan(byPt, config.receiveTelephoneEventPt(), receives, since);
    }
}
