package org.parley.app.core;

/** The call media Parley uses. */
final class CallMediaFactories {
    private CallMediaFactories() {
    }

    /** Audio over {@code org.parley.media}, RTP bound on {@code bindAddress} (null: the address SDP names). */
    static CallMedia.Factory standard(CoreOptions options) {
        return StreamCallMedia.factory(options.bindAddress(), options.codecs());
    }
}
