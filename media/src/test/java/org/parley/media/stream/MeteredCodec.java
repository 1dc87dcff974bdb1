package org.parley.media.stream;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.Codec;

/**
 * A codec that behaves as the one it wraps and lets a test tell the bytes its encoders and
 * decoders allocate apart from everything else the calling (media) thread allocates. At the start
 * of its i-th call, each encoder or decoder notes how many bytes its thread has allocated so far
 * <em>outside</em> codec calls; the difference between two notes is what the stream's own code
 * allocated between them. The meter itself does not allocate. Test support.
 */
final class MeteredCodec implements Codec {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Codec codec;
    private final List<Meter> encoders = new CopyOnWriteArrayList<>();
    private final List<Meter> decoders = new CopyOnWriteArrayList<>();

    MeteredCodec(Codec codec) {
        this.codec = codec;
    }

    /** The encoder called most often: the live one (streams also build a throw-away one). */
    Meter liveEncoder() {
        return encoders.stream().max(Comparator.comparingInt(Meter::calls)).orElseThrow();
    }

    /** The decoder called most often. */
    Meter liveDecoder() {
        return decoders.stream().max(Comparator.comparingInt(Meter::calls)).orElseThrow();
    }

    /** Allocation notes of one encoder or decoder; written by its thread, read by the test's. */
    static final class Meter {
        private static final int CAPACITY = 1 << 14;
        private final long[] outsideAtCall = new long[CAPACITY];
        private volatile int calls;
        private long codecBytes;
        private long enteredAt;

        /** Calls started so far; {@link #outsideAt} is known for every index below it. */
        int calls() {
            return calls;
        }

        /** Bytes the thread had allocated outside codec calls when call {@code i} started. */
        long outsideAt(int i) {
            return outsideAtCall[i];
        }

        private void enter() {
            enteredAt = THREADS.getCurrentThreadAllocatedBytes();
            if (calls < CAPACITY) {
                outsideAtCall[calls] = enteredAt - codecBytes;
                calls = calls + 1;
            }
        }

        private void leave() {
            codecBytes += THREADS.getCurrentThreadAllocatedBytes() - enteredAt;
        }
    }

    @Override
    public AudioEncoder newEncoder() {
        AudioEncoder encoder = codec.newEncoder();
        Meter meter = new Meter();
        encoders.add(meter);
        return (pcm, out, offset) -> {
            meter.enter();
            try {
                return encoder.encode(pcm, out, offset);
            } finally {
                meter.leave();
            }
        };
    }

    @Override
    public AudioDecoder newDecoder() {
        AudioDecoder decoder = codec.newDecoder();
        Meter meter = new Meter();
        decoders.add(meter);
        return new AudioDecoder() {
            @Override
            public int decode(byte[] payload, int offset, int length, short[] pcm) {
                meter.enter();
                try {
                    return decoder.decode(payload, offset, length, pcm);
                } finally {
                    meter.leave();
                }
            }

            @Override
            public int conceal(short[] pcm) {
                meter.enter();
                try {
                    return decoder.conceal(pcm);
                } finally {
                    meter.leave();
                }
            }

            @Override
            public int recover(byte[] nextPayload, int offset, int length, short[] pcm) {
                meter.enter();
                try {
                    return decoder.recover(nextPayload, offset, length, pcm);
                } finally {
                    meter.leave();
                }
            }
        };
    }

    @Override
    public String encodingName() {
        return codec.encodingName();
    }

    @Override
    public int clockRate() {
        return codec.clockRate();
    }

    @Override
    public int sampleRate() {
        return codec.sampleRate();
    }

    @Override
    public int rtpChannels() {
        return codec.rtpChannels();
    }

    @Override
    public int staticPayloadType() {
        return codec.staticPayloadType();
    }

    @Override
    public String fmtp() {
        return codec.fmtp();
    }

    @Override
    public String toString() {
        return codec.toString();
    }
}
