package org.parley.media.stream;

/**
 * What the sender thread does now, from the latest {@link StreamConfig}. Replaced as a whole by
 * {@link AudioStream#update}, so the sender reads one consistent plan per frame.
 */
record SendPlan(Encoding encoding, int payloadType, int eventPayloadType, boolean sends) {

    /** The plan for {@code config}, keeping {@code previous}'s chain when the codec is the same. */
    static SendPlan of(StreamConfig config, SendPlan previous) {
        Encoding encoding = previous != null && previous.encoding().codec == config.sendCodec()
                ? previous.encoding() : new Encoding(config.sendCodec());
        return new SendPlan(encoding, config.sendPayloadType(), config.sendTelephoneEventPt(),
                config.direction().sends());
    }
}
