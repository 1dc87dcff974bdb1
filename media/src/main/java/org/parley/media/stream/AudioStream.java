package org.parley.media.stream;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.audio.MutableSource;
import org.parley.media.codec.Codec;
import org.parley.media.dtmf.TelephoneEvent;
import org.parley.media.rtp.RtpSession;
import org.parley.media.rtp.RtpSessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio: an RTP/RTCP session (optionally SRTP), a sender thread that encodes the source
 * every 20 ms, and a playout thread that feeds the sink from a jitter buffer. Opens the RTP/RTCP
 * sockets first (their ports go into the SDP offer or answer); media starts with {@link #start}
 * once SDP is agreed and follows re-INVITEs with {@link #update}. See {@code docs/media.md}.
 *
 * <p>Threads, all daemons, named after the RTP port: {@code parley-rtp-<port>} (the session's
 * receive loop, which also sends RTCP), {@code parley-stream-<port>-send} and {@code
 * parley-stream-<port>-play}.
 *
 * <p>Threading: every public method may be called from any thread and returns at once, except
 * {@link #close()} which waits up to about 2 s per thread. The media threads never wait on the
 * caller: configuration changes are published through volatile fields and take effect at the
 * next packet or frame. {@code start} and {@code update} must not race each other (the call layer
 * calls both from its core thread).
 *
 * <p>Ownership: {@code start} hands the source and sink to the stream; {@code close} closes them.
 */
public final class AudioStream implements AutoCloseable {
    static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(30);
    /** The RTP session's clock until {@link #start} names the codec (nothing is sent or counted before). */
    private static final int DEFAULT_CLOCK_RATE = 8000;
    private static final long JOIN_MILLIS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(AudioStream.class);

    private final RtpSession session;
    private final SrtpSwitch srtp;
    private final StreamReceiver receiver;
    private final long timeoutNanos;
    private final Object lifecycle = new Object();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<Codec, Decoding> decodings = new HashMap<>();
    private volatile StreamConfig config;
    private volatile MutableSource source;
    private volatile AudioSink sink;
    private volatile StreamSender sender;
    private volatile StreamPlayout playout;
    private volatile Thread senderThread;
    private volatile Thread playoutThread;
    private volatile boolean muted;

    private AudioStream(RtpSession session, SrtpSwitch srtp, StreamReceiver receiver, Duration timeout) {
        this.session = session;
        this.srtp = srtp;
        this.receiver = receiver;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Binds an RTP port (even) and the RTCP port after it from {@code [portMin, portMax]} on
     * {@code localAddress} and starts the session's receive thread; nothing is sent or played yet.
     *
     * @param cname the RTCP canonical name (RFC 3550 section 6.5.1)
     * @throws org.parley.media.rtp.PortRangeExhaustedException when no port pair is free
     * @throws IOException when the sockets cannot be opened
     */
    public static AudioStream open(InetAddress localAddress, int portMin, int portMax, String cname)
            throws IOException {
        return open(localAddress, portMin, portMax, cname, MEDIA_TIMEOUT);
    }

    /** As {@link #open(InetAddress, int, int, String)} with another media timeout (tests). */
    static AudioStream open(InetAddress localAddress, int portMin, int portMax, String cname,
            Duration mediaTimeout) throws IOException {
        SrtpSwitch srtp = new SrtpSwitch();
        StreamReceiver receiver = new StreamReceiver();
        RtpSessionConfig rtpConfig = RtpSessionConfig.on(localAddress)
                .withPorts(portMin, portMax)
                .withCname(cname)
                .withClockRate(DEFAULT_CLOCK_RATE)
                .withTransforms(srtp.rtp, srtp.rtcp);
        RtpSession session = RtpSession.open(rtpConfig, receiver);
        return new AudioStream(session, srtp, receiver, mediaTimeout);
    }

    public int localRtpPort() {
        return session.localRtpPort();
    }

    public int localRtcpPort() {
        return session.localRtcpPort();
    }

    /**
     * Starts media: sending from {@code source}, playing into {@code sink}, reporting to {@code
     * listener}. The stream owns source and sink from now on.
     *
     * @throws IllegalStateException when called twice or after {@link #close()}
     */
    public void start(StreamConfig config, AudioSource source, AudioSink sink, StreamListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(listener, "listener");
        synchronized (lifecycle) {
            if (closed.get() || !started.compareAndSet(false, true)) {
                throw new IllegalStateException(closed.get() ? "closed" : "already started");
            }
            MutableSource mutable = new MutableSource(source);
            mutable.setMuted(muted);
            this.source = mutable;
            this.sink = sink;
            receiver.setListener(listener);
            apply(config);
            StreamSender s = new StreamSender(session, mutable, SendPlan.of(config, null),
                    new SecureRandom().nextInt() & 0xFFFF_FFFFL);
            StreamPlayout p = new StreamPlayout(receiver, sink, listener, timeoutNanos);
            sender = s;
            playout = p;
            senderThread = mediaThread(s, "send");
            playoutThread = mediaThread(p, "play");
        }
    }

    /**
     * Applies a re-negotiation: remote address, codecs, direction, SRTP keys. The sockets, the
     * threads and the buffers of codecs that stay are kept, so resuming from hold has no gap beyond
     * the jitter buffer's refill.
     *
     * @throws IllegalStateException before {@link #start}
     */
    public void update(StreamConfig next) {
        Objects.requireNonNull(next, "config");
        if (!started.get()) {
            throw new IllegalStateException("not started");
        }
        if (closed.get()) {
            return;
        }
        apply(next);
        sender.setPlan(SendPlan.of(next, sender.plan()));
    }

    private synchronized void apply(StreamConfig next) {
        srtp.arm(next.srtp().orElse(null));
        session.setRemote(next.remoteRtp(), next.rtcpTarget());
        session.setClockRates(next.sendCodec().clockRate(), receiveClockRates(next));
        receiver.setPlan(ReceivePlan.of(next, decodings, receiver.plan()));
        config = next;
    }

    /** The RTP clock of each payload type we accept; telephone-events share the send codec's (0). */
    private static int[] receiveClockRates(StreamConfig c) {
        int[] rates = new int[128];
        c.receiveCodecs().forEach((pt, codec) -> rates[pt] = codec.clockRate());
        return rates;
    }

    /** Sends silence (level 0) instead of the source while muted; the source keeps being read. */
    public void setMuted(boolean mute) {
        this.muted = mute;
        MutableSource s = source;
        if (s != null) {
            s.setMuted(mute);
        }
    }

    public boolean isMuted() {
        return muted;
    }

    /**
     * Queues DTMF digits to send as RFC 4733 telephone-events, 100 ms each with 60 ms between them.
     *
     * @return false, and nothing is sent, when the peer accepts no telephone-event, the stream is not
     *     started or closed, or the direction does not send
     * @throws IllegalArgumentException when a character is not one of 0-9 * # A-D
     */
    public boolean sendDtmf(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (TelephoneEvent.eventOf(digits.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a DTMF digit: '" + digits.charAt(i) + "'");
            }
        }
        StreamConfig c = config;
        StreamSender s = sender;
        if (c == null || s == null || closed.get() || c.sendTelephoneEventPt() < 0
                || !c.direction().sends()) {
            return false;
        }
        s.queueDigits(digits);
        return true;
    }

    /** The latest quality figures; any thread. */
    public StreamQuality quality() {
        Decoding d = receiver.current();
        StreamConfig c = config;
        return new StreamQuality(session.quality(),
                d == null ? StreamQuality.NO_JITTER : d.buffer.statistics(),
                c == null ? "" : c.sendCodec().encodingName() + "/" + c.sendCodec().clockRate());
    }

    /** Peak level of the audio last sent, 0.0 to 1.0 (0 while muted); for a level meter. */
    public double sendLevel() {
        MutableSource s = source;
        return s == null ? 0 : s.level();
    }

    /** Peak level of the audio last played, 0.0 to 1.0; for a level meter. */
    public double receiveLevel() {
        AudioSink s = sink;
        return s == null ? 0 : s.level();
    }

    /** Incoming packets SRTP/SRTCP refused (wrong key, replay) since open. */
    public long rejectedPackets() {
        return session.rejectedPackets();
    }

    /** Incoming RTP packets dropped for a payload type we did not accept. */
    public long unknownPayloadPackets() {
        return receiver.unknownPayloadTypes();
    }

    /**
     * Stops the threads, closes the source and the sink (a recording is finished), sends RTCP BYE
     * and closes the sockets. Idempotent; any thread; waits for the threads (about 2 s at most each).
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            StreamSender s = sender;
            StreamPlayout p = playout;
            if (s != null) {
                s.stop();
                source.close(); // makes a read blocked on a device return
                p.stop();
                join(senderThread);
                join(playoutThread);
                sink.close();
            }
            session.close();
        }
    }

    private Thread mediaThread(Runnable body, String role) {
        Thread t = new Thread(body, "parley-stream-" + localRtpPort() + "-" + role);
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        java.util.concurrent.locks.LockSupport.unpark(t);
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("{} did not stop within {} ms", t.getName(), JOIN_MILLIS);
        }
    }
}
