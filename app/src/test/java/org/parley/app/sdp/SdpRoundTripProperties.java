package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Writing then reading gives back the same description; reading anything either succeeds or refuses cleanly. */
class SdpRoundTripProperties {
    private static final String TOKEN_CHARS = "abcXYZ019-.!#$%&'*+^_`{|}~";

    @Property(tries = 500)
    void writeThenReadGivesTheSameDescription(@ForAll("descriptions") SessionDescription sd) throws SdpException {
        String text = SdpWriter.write(sd);

        assertThat(SdpParser.parse(text)).isEqualTo(sd);
        assertThat(text).endsWith("\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
    }

    @Property(tries = 50)
    void realDescriptionsAreStableThroughWriteAndRead(@ForAll("real") String text) throws SdpException {
        SessionDescription once = SdpParser.parse(text);
        String written = SdpWriter.write(once);
        assertThat(SdpParser.parse(written)).isEqualTo(once);
        assertThat(SdpWriter.write(SdpParser.parse(written))).isEqualTo(written);
    }

    @Property(tries = 1000)
    void mutatedDescriptionsAreReadOrRefusedNeverCrash(@ForAll("real") String text,
            @ForAll @IntRange(min = 0, max = 5000) int position, @ForAll("noise") String noise) {
        int at = position % (text.length() + 1);
        String mutated = text.substring(0, at) + noise + text.substring(Math.min(text.length(), at + noise.length()));
        try {
            SdpWriter.write(SdpParser.parse(mutated));
        } catch (SdpException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void arbitraryTextIsReadOrRefusedNeverCrash(@ForAll String text) {
        try {
            SdpParser.parse(text);
        } catch (SdpException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> real() {
        return Arbitraries.of(Sdps.RFC3264_10_1_OFFER, Sdps.RFC3264_10_1_REOFFER, Sdps.RFC3264_10_2_OFFER,
                Sdps.BARESIP_OFFER, Sdps.BARESIP_SAVP_OFFER, Sdps.LINPHONE_OFFER, Sdps.ASTERISK_OFFER,
                Sdps.LEGACY_HOLD_OFFER, Sdps.MSRP_FILE_OFFER);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars(" =:/\r\n0123456789amcvotx.-\u0000é").ofMinLength(1).ofMaxLength(6);
    }

    @Provide
    Arbitrary<SessionDescription> descriptions() {
        Arbitrary<Origin> origin = Combinators.combine(tokens(), Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(0, Long.MAX_VALUE), addresses())
                .as((user, id, version, c) -> new Origin(user, Long.toString(id), version, c.netType(), c.addrType(),
                        c.address()));
        Arbitrary<String> name = Arbitraries.strings().all().ofMaxLength(30).filter(Tokens::isText);
        Arbitrary<Timing> timing = Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(0, Long.MAX_VALUE)).as(Timing::new);
        return Combinators.combine(origin, name, addresses(), bandwidths(), timing, attributes(),
                media().list().ofMaxSize(5))
                .as((o, n, c, b, t, a, m) -> new SessionDescription(o, n, Optional.of(c), b, t, a, m));
    }

    private Arbitrary<MediaDescription> media() {
        Arbitrary<Integer> port = Arbitraries.integers().between(0, 65535);
        Arbitrary<OptionalInt> count = Arbitraries.integers().between(1, 65535).optional()
                .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
        Arbitrary<String> protocol = Arbitraries.oneOf(Arbitraries.of("RTP/AVP", "RTP/SAVP", "RTP/AVPF", "UDP/TLS/RTP/SAVPF"),
                Arbitraries.of("TCP/MSRP", "TCP/TLS/MSRP", "udp", "TCP/BFCP"));
        Arbitrary<Optional<Connection>> connection = addresses().optional();
        return Combinators.combine(tokens(), port, count, protocol, connection, bandwidths(), attributes())
                .flatAs((type, p, n, proto, c, b, a) -> formats(proto)
                        .map(f -> new MediaDescription(type, p, n, proto, f, c, b, a)));
    }

    private Arbitrary<List<String>> formats(String protocol) {
        Arbitrary<String> format = protocol.startsWith("RTP/")
                ? Arbitraries.integers().between(0, 127).map(String::valueOf) : tokens();
        return format.list().ofMinSize(1).ofMaxSize(6);
    }

    private Arbitrary<List<Bandwidth>> bandwidths() {
        return Combinators.combine(tokens(), Arbitraries.longs().between(0, Long.MAX_VALUE)).as(Bandwidth::new).list()
                .ofMaxSize(2);
    }

    private Arbitrary<List<Attribute>> attributes() {
        Arbitrary<Attribute> free = Combinators.combine(tokens().filter(t -> !KNOWN.contains(t)),
                Arbitraries.strings().all().ofMaxLength(40).filter(Tokens::isText).optional())
                .as(Attribute::new);
        Arbitrary<Attribute> known = Arbitraries.oneOf(
                Arbitraries.of(Direction.class).map(d -> Attribute.flag(d.attributeName())),
                Arbitraries.integers().between(1, 200).map(ms -> Attribute.of("ptime", String.valueOf(ms))),
                Combinators.combine(Arbitraries.integers().between(0, 127), tokens().filter(t -> t.indexOf('/') < 0),
                        Arbitraries.integers().between(1, 192000), Arbitraries.integers().between(1, 8))
                        .as((pt, enc, rate, ch) -> Attribute.of("rtpmap", new RtpMap(pt, enc, rate, ch).value())),
                Arbitraries.integers().between(0, 65535).map(p -> Attribute.of("rtcp", String.valueOf(p))),
                Arbitraries.integers().between(0, 127).map(pt -> Attribute.of("fmtp", pt + " 0-16")),
                Arbitraries.integers().between(0, 999_999_999)
                        .map(tag -> Attribute.of("crypto", tag + " AES_CM_128_HMAC_SHA1_80 inline:abc=="))
        );
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, free), net.jqwik.api.Tuple.of(2, known)).list().ofMaxSize(8);
    }

    private static final List<String> KNOWN = List.of("rtpmap", "fmtp", "ptime", "maxptime", "rtcp", "crypto",
            "sendrecv", "sendonly", "recvonly", "inactive");

    private Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(12);
    }

    private Arbitrary<Connection> addresses() {
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
        Arbitrary<String> ipv6 = Arbitraries.integers().between(0, 0xFFFF).list().ofSize(8)
                .map(l -> String.join(":", l.stream().map(Integer::toHexString).toList()));
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).list()
                .ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        return Arbitraries.oneOf(ipv4.map(a -> new Connection("IN", "IP4", a)),
                ipv6.map(a -> new Connection("IN", "IP6", a)),
                ipv6.map(a -> new Connection("IN", "IP6", a.replaceFirst("^0:0:", "::"))),
                host.map(a -> new Connection("IN", "IP4", a)));
    }
}
