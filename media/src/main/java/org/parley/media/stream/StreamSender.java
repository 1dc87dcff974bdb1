package org.parley.media.stream;

import java.io.IOException;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.parley.media.audio.AudioSource;
import org.parley.media.audio.DeviceSource;
import org.parley.media.audio.Pcm;
import org.parley.media.dtmf.DtmfSender;
import org.parley.media.rtp.RtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender thread of one stream: every 20 ms it reads a frame from the source, resamples it from
 * 48 kHz to the codec's rate, encodes it and sends it, or sends the current DTMF digit's
 * telephone-event packet in its place.
 *
 * <p><b>Timing.</b> A {@link DeviceSource} paces the loop by blocking in {@code read}; any other
 * source (a file, a generator) is paced by a {@link FrameClock}, and so is a device source after
 * it ended or failed. The RTP timestamp starts at a random value and advances by the codec's units
 * per frame on every tick, also while nothing is sent (hold, RECEIVE_ONLY), so it keeps following
 * real time. The marker bit is set on the first audio packet after the start, after a pause in
 * sending and after a codec change (RFC 3551 section 4.1).
 *
 * <p><b>DTMF.</b> Digits queued by {@link #queueDigits} are sent one after the other as RFC 4733
 * events of {@value #TONE_MILLIS} ms, one packet per 20 ms tick in place of the audio, the last
 * one three times, then {@value #GAP_FRAMES} frames of audio before the next digit. The event's
 * timestamp is the media time at which it starts; its clock is the send codec's.
 *
 * <p><b>Threading.</b> {@link #run} is the sender thread; {@link #queueDigits} and {@link #stop}
 * are called from any thread. The plan is read from a volatile field once per frame. The
 * steady-state loop does not allocate: the encoder, resampler and DTMF sender are replaced only
 * when the codec changes.
 */
final class StreamSender implements Runnable {
    static final int TONE_MILLIS = 100;
    static final int GAP_FRAMES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(StreamSender.class);

    private final RtpSession session;
    private final AudioSource source;
    private final FrameClock clock = new FrameClock();
    private final FrameClock.Running running = this::isRunning;
    private final DtmfSender.PacketSink eventSink = this::sendEvent;
    private final Queue<Character> digits = new ConcurrentLinkedQueue<>();
    private final short[] frame = Pcm.newFrame();
    private final short[] codecFrame = new short[Pcm.FRAME_SAMPLES];
    private final byte[] payload = new byte[1500];
    private volatile SendPlan plan;
    private volatile boolean stopped;
    private volatile long sendFailures;

    // Sender thread only.
    private boolean sourcePaced;
    private Encoding encoding;
    private DtmfSender dtmf;
    private int eventPayloadType;
    private long timestamp;
    private boolean marker = true;
    private int gapFrames;

    StreamSender(RtpSession session, AudioSource source, SendPlan plan, long firstTimestamp) {
        this.session = session;
        this.source = source;
        this.plan = plan;
        this.sourcePaced = source instanceof DeviceSource;
        this.timestamp = firstTimestamp;
    }

    SendPlan plan() {
        return plan;
    }

    void setPlan(SendPlan next) {
        this.plan = next;
    }

    /** Queues DTMF digits, already checked to be 0-9 * # A-D. Any thread. */
    void queueDigits(String chars) {
        for (int i = 0; i < chars.length(); i++) {
            digits.add(chars.charAt(i));
        }
    }

    /** Makes {@link #run} return after the current frame; the caller closes the source to unblock a read. */
    void stop() {
        stopped = true;
    }

    /** RTP packets that the socket did not take (buffer full, no remote yet). */
    long sendFailures() {
        return sendFailures;
    }

    private boolean isRunning() {
        return !stopped;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                if (!sourcePaced && !clock.awaitNextTick(running)) {
                    break;
                }
                readFrame();
                if (stopped) {
                    break;
                }
                sendFrame(plan);
                timestamp += encoding.codec.timestampsPerFrame();
            }
        } catch (IOException e) {
            if (!stopped) {
                LOG.warn("audio sending stopped: {}", e.toString());
            }
        }
    }

    private void readFrame() {
        try {
            if (source.read(frame)) {
                return;
            }
        } catch (IOException e) {
            LOG.warn("audio source failed, sending silence: {}", e.toString());
        }
        Arrays.fill(frame, (short) 0);
        sourcePaced = false; // an ended source returns at once: the clock paces from now on
    }

    private void sendFrame(SendPlan current) throws IOException {
        if (current.encoding() != encoding) {
            use(current.encoding());
        }
        eventPayloadType = current.eventPayloadType();
        if (!current.sends()) {
            digits.clear();
            marker = true;
            return;
        }
        if (dtmf.active() || startDigit(current)) {
            dtmf.sendNext(eventSink);
            if (!dtmf.active()) {
                gapFrames = GAP_FRAMES;
            }
            return;
        }
        if (gapFrames > 0) {
            gapFrames--;
        }
        encoding.resampler.process(frame, 0, frame.length, codecFrame, 0);
        int length = encoding.encoder.encode(codecFrame, payload, 0);
        if (!session.send(current.payloadType(), marker, timestamp, payload, 0, length)) {
            sendFailures++;
        }
        marker = false;
    }

    private boolean startDigit(SendPlan current) {
        if (gapFrames > 0 || current.eventPayloadType() < 0) {
            return false;
        }
        Character digit = digits.poll();
        if (digit == null) {
            return false;
        }
        dtmf.start(digit, TONE_MILLIS, timestamp);
        return true;
    }

    private void sendEvent(boolean eventMarker, long eventTimestamp, byte[] buf, int off, int len)
            throws IOException {
        if (!session.send(eventPayloadType, eventMarker, eventTimestamp, buf, off, len)) {
            sendFailures++;
        }
    }

    /** Switches to another codec's chain (built and warmed by the caller's thread). */
    private void use(Encoding next) {
        encoding = next;
        dtmf = next.dtmf;
        gapFrames = 0;
        marker = true;
    }
}
