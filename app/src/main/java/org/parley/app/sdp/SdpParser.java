package org.parley.app.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code application/sdp} bodies (RFC 8866; RFC 4566 has the same grammar) into {@link SessionDescription}s.
 *
 * <p>Strict where it matters: {@code v=0}, {@code o=}, {@code s=} must open the description in that order, at least
 * one {@code t=} must follow, every line is {@code <letter>=<value>} in the order of RFC 8866 §5, numbers are in
 * range, addresses are IPv4, IPv6 or host names, and the attributes Parley interprets ({@code rtpmap}, {@code fmtp},
 * {@code ptime}, {@code rtcp}, {@code crypto}, direction) are well-formed. A line type outside the RFC's alphabet is
 * refused (RFC 8866 §5). Tolerant elsewhere: CRLF or bare LF, a missing final line break, trailing empty lines,
 * unknown attributes (kept) and known-but-unused lines (dropped).
 *
 * <p>Bounded: at most {@link #MAX_BYTES} bytes and {@link #MAX_MEDIA} media sections. Every refusal is an
 * {@link SdpException} whose message names the line; no other exception escapes. Stateless and thread-safe.
 */
public final class SdpParser {
    /** The largest body read (64 KiB). */
    public static final int MAX_BYTES = 64 * 1024;
    /** The most media sections read. */
    public static final int MAX_MEDIA = 64;

    private SdpParser() {
    }

    /** Parses a body as received (UTF-8, RFC 8866 §5). */
    public static SessionDescription parse(byte[] body) throws SdpException {
        Objects.requireNonNull(body);
        if (body.length > MAX_BYTES) {
            throw tooLarge(body.length);
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    public static SessionDescription parse(String text) throws SdpException {
        Objects.requireNonNull(text);
        if (text.length() > MAX_BYTES) {
            throw tooLarge(text.length());
        }
        List<String> lines = splitLines(text);
        if (lines.isEmpty()) {
            throw new SdpException(0, "The session description is empty.");
        }
        return new Reading(lines).read();
    }

    private static SdpException tooLarge(int size) {
        return new SdpException(0, "The session description has " + size + " bytes; the limit is " + MAX_BYTES + ".");
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            int stop = end < 0 ? text.length() : end;
            if (stop > start && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            lines.add(text.substring(start, stop));
            start = next;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** One parse: walks the lines once, checking RFC 8866 §5 order with a rank per line type. */
    private static final class Reading {
        private static final String SESSION_ORDER = "vosiuepcbtrzka";
        private static final String MEDIA_ORDER = "mickba";

        private final List<String> lines;
        private int number;
        private Origin origin;
        private String sessionName;
        private Connection sessionConnection;
        private final List<Bandwidth> sessionBandwidths = new ArrayList<>();
        private Timing timing;
        private final List<Attribute> sessionAttributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();
        private MediaBuilder section;

        Reading(List<String> lines) {
            this.lines = lines;
        }

        SessionDescription read() throws SdpException {
            int rank = -1;
            for (String line : lines) {
                number++;
                if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                    throw fail("is not of the form <type>=<value>");
                }
                if (!Tokens.isText(line)) {
                    throw fail("contains a control character");
                }
                char type = line.charAt(0);
                String value = line.substring(2);
                if (type == 'm') {
                    startMedia(value);
                    rank = 0;
                    continue;
                }
                String order = section == null ? SESSION_ORDER : MEDIA_ORDER;
                int lineRank = order.indexOf(type);
                if (lineRank < 0) {
                    throw fail(SESSION_ORDER.indexOf(type) >= 0 ? "is not allowed in a media section"
                            : "has an unknown type '" + type + "'");
                }
                checkOrder(type, rank, lineRank);
                rank = lineRank;
                if (section == null) {
                    session(type, value);
                } else {
                    section.line(type, value);
                }
            }
            finishMedia();
            if (timing == null) {
                throw new SdpException(0, "The session description has no t= line.");
            }
            if (sessionConnection == null) {
                for (MediaDescription m : media) {
                    if (m.connection().isEmpty() && !m.isDisabled()) {
                        throw new SdpException(0, "The m=" + m.media() + " section has no c= line and the session"
                                + " has none either.");
                    }
                }
            }
            return new SessionDescription(origin, sessionName, Optional.ofNullable(sessionConnection),
                    sessionBandwidths, timing, sessionAttributes, media);
        }

        private void checkOrder(char type, int rank, int lineRank) throws SdpException {
            if (section == null && number <= 3) {
                char expected = "vos".charAt(number - 1);
                if (type != expected) {
                    throw fail("should be the " + expected + "= line");
                }
                return;
            }
            boolean repeatable = section == null ? "epbtra".indexOf(type) >= 0 : "cba".indexOf(type) >= 0;
            if (lineRank < rank || (lineRank == rank && !repeatable)) {
                boolean tAfterR = section == null && type == 't' && rank == SESSION_ORDER.indexOf('r');
                if (!tAfterR) {
                    throw fail("is out of order (RFC 8866 section 5)");
                }
            }
            if (section == null && type == 'r' && timing == null) {
                throw fail("is an r= line without a t= line");
            }
            if (section == null && lineRank > SESSION_ORDER.indexOf('r') && timing == null) {
                throw fail("comes before any t= line");
            }
        }

        private void session(char type, String value) throws SdpException {
            switch (type) {
                case 'v' -> {
                    if (!value.equals("0")) {
                        throw fail("has version '" + value + "'; only 0 is defined");
                    }
                }
                case 'o' -> origin = origin(value);
                case 's' -> sessionName = value;
                case 'c' -> sessionConnection = connection(value);
                case 'b' -> sessionBandwidths.add(bandwidth(value));
                case 't' -> {
                    Timing t = timing(value);
                    if (timing == null) {
                        timing = t;
                    }
                }
                case 'a' -> sessionAttributes.add(attribute(value, false));
                default -> {
                    // i, u, e, p, r, z, k: order checked, content not used by Parley.
                }
            }
        }

        private void startMedia(String value) throws SdpException {
            if (timing == null) {
                throw fail("starts a media section before any t= line");
            }
            finishMedia();
            if (media.size() == MAX_MEDIA) {
                throw fail("starts media section " + (MAX_MEDIA + 1) + "; the limit is " + MAX_MEDIA);
            }
            section = new MediaBuilder(mediaLine(value));
        }

        private void finishMedia() {
            if (section != null) {
                media.add(section.build());
                section = null;
            }
        }

        private Origin origin(String value) throws SdpException {
            String[] f = value.split(" ", -1);
            if (f.length != 6) {
                throw fail("does not have the six fields of an o= line");
            }
            if (!Tokens.isVisible(f[0])) {
                throw fail("has an invalid user name");
            }
            if (!Tokens.isDigits(f[1]) || f[1].length() > 64) {
                throw fail("has a session id that is not a number");
            }
            long version = Tokens.number(f[2], 0, Long.MAX_VALUE);
            if (version < 0) {
                throw fail("has a session version that is not a number below 2^63");
            }
            checkAddress(f[3], f[4], f[5]);
            return new Origin(f[0], f[1], version, f[3], f[4], f[5]);
        }

        Connection connection(String value) throws SdpException {
            String[] f = value.split(" ", -1);
            if (f.length != 3) {
                throw fail("does not have the three fields of a c= line");
            }
            checkAddress(f[0], f[1], f[2]);
            return new Connection(f[0], f[1], f[2]);
        }

        private void checkAddress(String netType, String addrType, String address) throws SdpException {
            if (!Tokens.isToken(netType) || !Tokens.isToken(addrType)) {
                throw fail("has an invalid network or address type");
            }
            if (!Addresses.isValid(addrType, address)) {
                throw fail("has an invalid " + addrType + " address '" + shorten(address) + "'");
            }
        }

        Bandwidth bandwidth(String value) throws SdpException {
            int colon = value.indexOf(':');
            if (colon <= 0 || !Tokens.isToken(value.substring(0, colon))) {
                throw fail("is not of the form b=<type>:<bandwidth>");
            }
            long bw = Tokens.number(value.substring(colon + 1), 0, Long.MAX_VALUE);
            if (bw < 0) {
                throw fail("has a bandwidth that is not a number");
            }
            return new Bandwidth(value.substring(0, colon), bw);
        }

        private Timing timing(String value) throws SdpException {
            String[] f = value.split(" ", -1);
            if (f.length != 2) {
                throw fail("does not have the two fields of a t= line");
            }
            long start = Tokens.number(f[0], 0, Long.MAX_VALUE);
            long stop = Tokens.number(f[1], 0, Long.MAX_VALUE);
            if (start < 0 || stop < 0) {
                throw fail("has a time that is not a number");
            }
            return new Timing(start, stop);
        }

        private MediaDescription mediaLine(String value) throws SdpException {
            return MediaLines.parse(value, this::fail);
        }

        Attribute attribute(String value, boolean mediaLevel) throws SdpException {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            if (!Tokens.isToken(name)) {
                throw fail("has an invalid attribute name");
            }
            Attribute attribute = colon < 0 ? Attribute.flag(name) : Attribute.of(name, value.substring(colon + 1));
            Optional<String> problem = AttributeSyntax.problem(attribute, mediaLevel);
            if (problem.isPresent()) {
                throw fail(problem.get());
            }
            return attribute;
        }

        SdpException fail(String problem) {
            String line = lines.get(number - 1);
            return new SdpException(number, "Line " + number + " (" + shorten(line) + ") " + problem + ".");
        }

        private static String shorten(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length() && b.length() < 40; i++) {
                char c = s.charAt(i);
                b.append(c < 0x20 || c == 0x7F ? '?' : c);
            }
            return s.length() > 40 ? b + "…" : b.toString();
        }

        /** The lines of the media section being read. */
        private final class MediaBuilder {
            private final MediaDescription line;
            private Connection connection;
            private final List<Bandwidth> bandwidths = new ArrayList<>();
            private final List<Attribute> attributes = new ArrayList<>();

            MediaBuilder(MediaDescription line) {
                this.line = line;
            }

            void line(char type, String value) throws SdpException {
                switch (type) {
                    case 'c' -> {
                        Connection c = connection(value);
                        if (connection == null) {
                            connection = c;
                        }
                    }
                    case 'b' -> bandwidths.add(bandwidth(value));
                    case 'a' -> attributes.add(attribute(value, true));
                    default -> {
                        // i, k: order checked, content not used by Parley.
                    }
                }
            }

            MediaDescription build() {
                return new MediaDescription(line.media(), line.port(), line.portCount(), line.protocol(),
                        line.formats(), Optional.ofNullable(connection), bandwidths, attributes);
            }
        }
    }
}
