package org.parley.media.stream;

import java.util.concurrent.atomic.AtomicInteger;

/** Records what a stream reports. Test support. */
final class RecordingStreamListener implements StreamListener {
    private final StringBuffer digits = new StringBuffer();
    private final AtomicInteger timeouts = new AtomicInteger();

    @Override
    public void dtmfReceived(char digit) {
        digits.append(digit);
    }

    @Override
    public void mediaTimeout() {
        timeouts.incrementAndGet();
    }

    String digits() {
        return digits.toString();
    }

    int timeouts() {
        return timeouts.get();
    }
}
