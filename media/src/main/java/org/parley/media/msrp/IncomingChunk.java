package org.parley.media.msrp;

/** The head of one SEND chunk with a body, as shown to a {@link MessageReceiver}. */
public record IncomingChunk(String messageId, String contentType, ByteRange range) {
}
