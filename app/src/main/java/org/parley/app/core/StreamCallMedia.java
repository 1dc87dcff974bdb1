package org.parley.app.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallLevels;
import org.parley.app.sdp.AudioCapabilities;
import org.parley.app.sdp.NegotiatedAudio;
import org.parley.app.sdp.RtpFormat;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.audio.DeviceSink;
import org.parley.media.audio.DeviceSource;
import org.parley.media.audio.DeviceStatus;
import org.parley.media.audio.JavaSoundDevices;
import org.parley.media.audio.WavFileSink;
import org.parley.media.audio.WavFileSource;
import org.parley.media.codec.Codec;
import org.parley.media.codec.Codecs;
import org.parley.media.srtp.SdesCrypto;
import org.parley.media.srtp.SdesParseResult;
import org.parley.media.srtp.SrtpSession;
import org.parley.media.srtp.SrtpSuite;
import org.parley.media.stream.AudioStream;
import org.parley.media.stream.StreamConfig;
import org.parley.media.stream.StreamDirection;
import org.parley.media.stream.StreamListener;

/**
 * {@link CallMedia} over {@code org.parley.media}'s {@link AudioStream}: SDP's negotiated formats become the
 * stream's codecs, {@link CallAudio} becomes devices or WAV files.
 *
 * <p>Threading: core thread; the stream runs its own media threads.
 */
final class StreamCallMedia implements CallMedia {
    static final int PORT_MIN = 16384;
    static final int PORT_MAX = 32767;
    private static final int TELEPHONE_EVENT_PT = 101;
    private static final int FIRST_DYNAMIC_PT = 96;

    private final AudioStream stream;
    private final Codecs codecs;
    private volatile boolean encrypted;
    /** The devices of a call on sound devices (null for files and before start): their status for the UI. */
    private volatile DeviceSource microphone;
    private volatile DeviceSink speaker;

    private StreamCallMedia(AudioStream stream, Codecs codecs) {
        this.stream = stream;
        this.codecs = codecs;
    }

    /**
     * Media bound on {@code bindAddress} (null or empty: the address SDP names), offering {@code allowed} codecs
     * in that order (empty: every standard codec).
     *
     * @throws IllegalArgumentException when {@code allowed} names a codec Parley does not have
     */
    static CallMedia.Factory factory(String bindAddress, List<String> allowed) {
        Codecs codecs = restricted(Codecs.standard(), allowed);
        AudioCapabilities caps = capabilities(codecs);
        java.security.SecureRandom random = new java.security.SecureRandom();
        return new CallMedia.Factory() {
            @Override
            public CallMedia open(String localAddress) throws IOException {
                String bind = bindAddress == null || bindAddress.isBlank() ? localAddress : bindAddress;
                return new StreamCallMedia(AudioStream.open(InetAddress.getByName(bind), PORT_MIN, PORT_MAX,
                        "parley"), codecs);
            }

            @Override
            public AudioCapabilities capabilities(boolean secure) {
                if (!secure) {
                    return caps;
                }
                String line = SdesCrypto.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, random).format();
                org.parley.app.sdp.Crypto crypto = org.parley.app.sdp.Crypto.parse(line)
                        .orElseThrow(() -> new IllegalStateException("generated crypto line unreadable"));
                return new AudioCapabilities(caps.codecs(), caps.telephoneEvent(), caps.ptime(),
                        org.parley.app.sdp.SrtpPolicy.REQUIRED, List.of(crypto));
            }
        };
    }

    private static Codecs restricted(Codecs all, List<String> allowed) {
        if (allowed.isEmpty()) {
            return all;
        }
        Codecs chosen = new Codecs();
        for (String name : allowed) {
            Codec c = all.inPreferenceOrder().stream().filter(x -> x.encodingName().equalsIgnoreCase(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("Parley has no codec " + name + "."));
            chosen.register(c);
        }
        return chosen;
    }

    /** Every registered codec in preference order, static payload types kept, dynamic ones from 96. */
    static AudioCapabilities capabilities(Codecs codecs) {
        List<RtpFormat> formats = new ArrayList<>();
        int dynamic = FIRST_DYNAMIC_PT;
        for (Codec c : codecs.inPreferenceOrder()) {
            int pt = c.staticPayloadType() >= 0 ? c.staticPayloadType() : dynamic++;
            RtpFormat f = RtpFormat.of(pt, c.encodingName(), c.clockRate(), c.rtpChannels());
            formats.add(c.fmtp().isEmpty() ? f : f.withFmtp(c.fmtp()));
        }
        return AudioCapabilities.plain(formats, OptionalInt.of(TELEPHONE_EVENT_PT), OptionalInt.of(20));
    }

    @Override
    public int localRtpPort() {
        return stream.localRtpPort();
    }

    @Override
    public void start(NegotiatedAudio n, CallAudio audio, Listener listener) throws IOException {
        StreamConfig config = config(n);
        AudioSource source = source(audio);
        AudioSink sink;
        try {
            sink = sink(audio);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
        microphone = source instanceof DeviceSource d ? d : null;
        speaker = sink instanceof DeviceSink d ? d : null;
        stream.start(config, source, sink, new StreamListener() {
            @Override
            public void dtmfReceived(char digit) {
                listener.dtmf(digit);
            }

            @Override
            public void mediaTimeout() {
                listener.timeout();
            }
        });
    }

    @Override
    public void update(NegotiatedAudio n) throws IOException {
        stream.update(config(n));
    }

    @Override
    public void setMuted(boolean muted) {
        stream.setMuted(muted);
    }

    private StreamConfig config(NegotiatedAudio n) throws IOException {
        Optional<SrtpSession> srtp = Optional.empty();
        if (n.crypto().isPresent()) {
            srtp = Optional.of(SrtpSession.fromSdes(sdes(n.crypto().get().local()), sdes(n.crypto().get().remote())));
        }
        encrypted = srtp.isPresent();
        Codec send = codec(n.send());
        Map<Integer, Codec> receive = new HashMap<>();
        for (RtpFormat f : n.receive()) {
            if (!f.isTelephoneEvent()) {
                codecs.find(f.encoding(), f.clockRate()).ifPresent(c -> receive.put(f.payloadType(), c));
            }
        }
        return new StreamConfig(new InetSocketAddress(n.remoteAddress(), n.remotePort()),
                new InetSocketAddress(n.rtcpAddress(), n.rtcpPort()), send, n.send().payloadType(), receive,
                n.sendTelephoneEvent().orElse(-1), n.receiveTelephoneEvent().orElse(-1), direction(n), srtp);
    }

    @Override
    public org.parley.app.call.CallStats stats() {
        var q = stream.quality();
        return new org.parley.app.call.CallStats(q.rtp().packetsSent(), q.rtp().packetsReceived(),
                q.rtp().lossPercent(), q.rtp().jitterMillis(), q.rtp().roundTripMillis().orElse(-1), q.codec(),
                q.jitter().meanAddedDelayMs(), encrypted);
    }

    @Override
    public CallLevels levels() {
        DeviceSource mic = microphone;
        DeviceSink out = speaker;
        return new CallLevels(stream.sendLevel(), stream.receiveLevel(),
                mic == null ? CallLevels.DeviceUse.notADevice() : use(mic.status()),
                out == null ? CallLevels.DeviceUse.notADevice() : use(out.status()));
    }

    private static CallLevels.DeviceUse use(DeviceStatus status) {
        CallLevels.Kind kind = switch (status.kind()) {
            case REQUESTED -> CallLevels.Kind.AS_REQUESTED;
            case DEFAULT_FALLBACK -> CallLevels.Kind.DEFAULT_FALLBACK;
            case NO_DEVICE -> CallLevels.Kind.NO_DEVICE;
        };
        return new CallLevels.DeviceUse(kind, status.requested(), status.inUse());
    }

    @Override
    public boolean sendDtmf(String digits) {
        return stream.sendDtmf(digits);
    }

    @Override
    public void close() {
        stream.close();
    }

    private static SdesCrypto sdes(org.parley.app.sdp.Crypto c) throws IOException {
        SdesParseResult r = SdesCrypto.parse(c.tag() + " " + c.suite() + " " + c.params());
        if (r instanceof SdesParseResult.Parsed parsed) {
            return parsed.crypto();
        }
        throw new IOException("the SRTP keys cannot be used: " + (r instanceof SdesParseResult.Unsupported u
                ? u.reason() : ((SdesParseResult.Malformed) r).reason()));
    }

    private Codec codec(RtpFormat f) throws IOException {
        return codecs.find(f.encoding(), f.clockRate())
                .orElseThrow(() -> new IOException("the codec " + f.encoding() + "/" + f.clockRate() + " is unknown"));
    }

    private static StreamDirection direction(NegotiatedAudio n) {
        return switch (n.direction()) {
            case SENDRECV -> StreamDirection.SEND_RECEIVE;
            case SENDONLY -> StreamDirection.SEND_ONLY;
            case RECVONLY -> StreamDirection.RECEIVE_ONLY;
            case INACTIVE -> StreamDirection.INACTIVE;
        };
    }

    private static AudioSource source(CallAudio audio) throws IOException {
        if (audio instanceof CallAudio.Files f) {
            return f.play().isPresent() ? WavFileSource.open(f.play().get(), WavFileSource.Options.ONCE)
                    : new Silence();
        }
        CallAudio.Devices d = (CallAudio.Devices) audio;
        return new JavaSoundDevices().openMicrophone(d.microphone());
    }

    private static AudioSink sink(CallAudio audio) throws IOException {
        if (audio instanceof CallAudio.Files f) {
            return f.record().isPresent() ? WavFileSink.create(f.record().get()) : new Silence();
        }
        CallAudio.Devices d = (CallAudio.Devices) audio;
        return new JavaSoundDevices().openSpeaker(d.speaker());
    }

    /** Sends silence and drops what it is given; the stream paces it. */
    private static final class Silence implements AudioSource, AudioSink {
        @Override
        public boolean read(short[] frame) {
            java.util.Arrays.fill(frame, (short) 0);
            return true;
        }

        @Override
        public void write(short[] frame) {
        }

        @Override
        public double level() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
