package org.parley.media.stream;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.DeviceSink;
import org.parley.media.audio.Pcm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playout thread of one stream: every 20 ms it takes a frame from the jitter buffer of the
 * codec being received (decoded, concealed or silent), resamples it to 48 kHz and writes it to the
 * sink; while the direction does not receive it writes silence, so a device keeps its rhythm. A
 * {@link DeviceSink} paces the loop by blocking in {@code write}; any other sink is paced by a
 * {@link FrameClock}, as is every sink after a write failed; that clock's phase follows the
 * incoming stream.
 *
 * <p>It also watches for the media timeout: no packet for {@code timeout} while the direction
 * receives (counted from the later of the last packet and the return from hold) calls {@link
 * StreamListener#mediaTimeout()} once; packets arriving again re-arm it.
 *
 * <p>Threading: {@link #run} is the playout thread; {@link #stop} any thread. No allocation per
 * frame.
 */
final class StreamPlayout implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamPlayout.class);

    private final StreamReceiver receiver;
    private final AudioSink sink;
    private final StreamListener listener;
    private final long timeoutNanos;
    private final FrameClock clock = new FrameClock();
    private final FrameClock.Running running = this::isRunning;
    private final short[] frame = Pcm.newFrame();
    private volatile boolean stopped;

    // Playout thread only.
    private boolean sinkPaced;
    private boolean sinkFailed;
    private boolean timedOut;
    private long timedOutAt;
    private long alignedTo = Long.MIN_VALUE;

    StreamPlayout(StreamReceiver receiver, AudioSink sink, StreamListener listener, long timeoutNanos) {
        this.receiver = receiver;
        this.sink = sink;
        this.listener = listener;
        this.timeoutNanos = timeoutNanos;
        this.sinkPaced = sink instanceof DeviceSink;
    }

    void stop() {
        stopped = true;
    }

    private boolean isRunning() {
        return !stopped;
    }

    @Override
    public void run() {
        while (!stopped) {
            if (!sinkPaced && !clock.awaitNextTick(running)) {
                break;
            }
            alignPhase();
            ReceivePlan plan = receiver.plan();
            Decoding decoding = receiver.current();
            if (plan.receives() && decoding != null) {
                decoding.playInto(frame);
            } else {
                Arrays.fill(frame, (short) 0);
            }
            write();
            checkTimeout(plan);
        }
    }

    /**
     * Puts a self-paced playout half a frame behind the arrivals of a new incoming stream: both
     * ends tick every 20 ms, and a poll that happens just as packets arrive would find every other
     * one missing on the slightest scheduling jitter (an underrun, then a skipped frame).
     */
    private void alignPhase() {
        long start = receiver.streamStartNanos();
        if (start != alignedTo && !sinkPaced) {
            alignedTo = start;
            clock.alignTo(start + FrameClock.FRAME_NANOS / 2);
        }
    }

    private void write() {
        if (sinkFailed) {
            return;
        }
        try {
            sink.write(frame);
        } catch (IOException e) {
            LOG.warn("audio sink failed, no more playout: {}", e.toString());
            sinkFailed = true;
            sinkPaced = false;
        }
    }

    private void checkTimeout(ReceivePlan plan) {
        long last = receiver.lastArrivalNanos();
        if (timedOut) {
            if (last != Long.MIN_VALUE && last - timedOutAt > 0) {
                timedOut = false;
            }
            return;
        }
        if (!plan.receives()) {
            return;
        }
        long now = System.nanoTime();
        long since = last == Long.MIN_VALUE || last - plan.receivingSince() < 0
                ? plan.receivingSince() : last;
        if (now - since > timeoutNanos) {
            timedOut = true;
            timedOutAt = now;
            LOG.info("no RTP for {} ms", TimeUnit.NANOSECONDS.toMillis(now - since));
            try {
                listener.mediaTimeout();
            } catch (RuntimeException e) {
                LOG.warn("stream listener failed on media timeout", e);
            }
        }
    }
}
