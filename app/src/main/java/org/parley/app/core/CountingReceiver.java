package org.parley.app.core;

import org.parley.media.msrp.ChunkSink;
import org.parley.media.msrp.FileReceiver;
import org.parley.media.msrp.MessageReceiver;

/**
 * A {@link FileReceiver} that also reports received bytes as progress (every {@code STEP} bytes and at the
 * end). Runs on the MSRP session's reader thread, like the receiver it wraps.
 */
final class CountingReceiver implements MessageReceiver {
    private static final long STEP = 256 * 1024;
    private final FileReceiver file;
    private final FileMedia.Listener listener;
    private final long total;
    private long received;
    private long reported;

    CountingReceiver(FileReceiver file, FileMedia.Listener listener, long total, long already) {
        this.file = file;
        this.listener = listener;
        this.total = total;
        this.received = already;
        this.reported = already;
    }

    @Override
    public ChunkSink chunk(org.parley.media.msrp.IncomingChunk chunk) {
        ChunkSink sink = file.chunk(chunk);
        return new ChunkSink() {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                sink.write(bytes, offset, length);
                received += length;
                if (received - reported >= STEP || received == total) {
                    reported = received;
                    listener.progress(received);
                }
            }

            @Override
            public int end(org.parley.media.msrp.Continuation flag) {
                return sink.end(flag);
            }
        };
    }

    @Override
    public boolean holdsSuccessReport() {
        return file.holdsSuccessReport();
    }

    @Override
    public void successReportHeld(org.parley.media.msrp.HeldReport report) {
        file.successReportHeld(report);
    }

    @Override
    public void report(org.parley.media.msrp.MsrpReport report) {
        file.report(report);
    }

    @Override
    public void closed(String reason) {
        file.closed(reason);
    }
}
