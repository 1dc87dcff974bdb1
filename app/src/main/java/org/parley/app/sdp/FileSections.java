package org.parley.app.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SDP offer/answer for one file sent over MSRP (RFC 4975 §8, RFC 5547): a single {@code m=message} section. The
 * sender offers {@code sendonly} and connects (the offerer is the active party, RFC 4975 §5.4); the receiver answers
 * {@code recvonly} with its own path and listens. Over TLS signalling the protocol is {@code TCP/TLS/MSRP} and each
 * side's certificate fingerprint travels in {@code a=fingerprint} (RFC 4975 §14.1): MSRP over TLS has no CA to check,
 * so the fingerprint in the (TLS-protected) SDP is what authenticates the connection. Pure functions.
 */
public final class FileSections {
    public static final String TCP = "TCP/MSRP";
    public static final String TLS = "TCP/TLS/MSRP";

    private FileSections() {
    }

    /**
     * Where Parley receives or sends a file's MSRP connection.
     *
     * @param address     the address for {@code c=}
     * @param port        the listening port (the answerer's) or the port in our path (the offerer's)
     * @param path        our MSRP URI ({@code msrp://host:port/session;tcp} or {@code msrps://…})
     * @param fingerprint our certificate's {@code sha-256 AB:CD:…} for TLS; empty over TCP
     */
    public record LocalMsrp(String address, int port, String path, Optional<String> fingerprint) {
        public LocalMsrp {
            Connection.in(address);
            if (port < 1 || port > 65535 || path.isEmpty() || !Tokens.isVisible(path)) {
                throw new IllegalArgumentException("Invalid MSRP endpoint");
            }
            fingerprint.ifPresent(f -> {
                if (!Tokens.isText(f)) {
                    throw new IllegalArgumentException("Invalid fingerprint");
                }
            });
        }

        boolean tls() {
            return fingerprint.isPresent();
        }
    }

    /**
     * What a file offer or answer says about the other side.
     *
     * @param pull the section is {@code recvonly}: the other side asks for the file (RFC 5547 §8 resumption pulls
     *             the missing range) instead of offering it
     */
    public record RemoteMsrp(String protocol, List<String> path, Optional<String> fingerprint, FileDescription file,
                             boolean pull) {
        public boolean tls() {
            return protocol.equalsIgnoreCase(TLS);
        }
    }

    /** The sender's offer. */
    public static SessionDescription offer(Origin origin, LocalMsrp local, FileDescription file) {
        return session(origin, local, section(local, "sendonly", file));
    }

    /** The receiver's answer to an offer read by {@link #read}; {@code sendonly} when the offer was a pull. */
    public static SessionDescription answer(Origin origin, LocalMsrp local, RemoteMsrp offered) {
        return session(origin, local, section(local, offered.pull() ? "sendonly" : "recvonly", offered.file()));
    }

    /**
     * The receiver's offer for the rest of a file (RFC 5547 §8): {@code recvonly}, the same selector (the hash
     * still covers the whole file), a new transfer id and {@code a=file-range} from the first missing octet.
     */
    public static SessionDescription pull(Origin origin, LocalMsrp local, FileDescription file) {
        return session(origin, local, section(local, "recvonly", file));
    }

    /**
     * Reads a file offer or answer: the first {@code m=message} section with a non-zero port, an MSRP protocol, a
     * path and the RFC 5547 attributes. Empty when the description is not a file transfer.
     */
    public static Optional<RemoteMsrp> read(SessionDescription sdp) {
        for (MediaDescription m : sdp.media()) {
            if (!m.media().equalsIgnoreCase("message") || m.port() == 0) {
                continue;
            }
            String protocol = m.protocol().toUpperCase(Locale.ROOT);
            if (!protocol.equals(TCP) && !protocol.equals(TLS)) {
                continue;
            }
            Optional<String> path = m.attribute("path");
            Optional<FileDescription> file = FileDescription.from(m);
            if (path.isEmpty() || file.isEmpty()) {
                continue;
            }
            List<String> uris = List.of(path.get().strip().split(" +"));
            Optional<String> fingerprint = m.attribute("fingerprint").or(() -> sdp.attributes().stream()
                    .filter(a -> a.name().equals("fingerprint")).findFirst().flatMap(Attribute::value));
            return Optional.of(new RemoteMsrp(protocol, uris, fingerprint, file.get(), m.hasAttribute("recvonly")));
        }
        return Optional.empty();
    }

    /** Whether the description offers audio (then it is a call, not a file transfer). */
    public static boolean hasAudio(SessionDescription sdp) {
        return sdp.media().stream().anyMatch(m -> m.media().equalsIgnoreCase("audio") && m.port() != 0);
    }

    private static MediaDescription section(LocalMsrp local, String direction, FileDescription file) {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(Attribute.flag(direction));
        attributes.add(Attribute.of("accept-types", "*"));
        attributes.add(Attribute.of("path", local.path()));
        local.fingerprint().ifPresent(f -> attributes.add(Attribute.of("fingerprint", f)));
        attributes.addAll(file.attributes());
        return MediaDescription.of("message", local.port(), local.tls() ? TLS : TCP, List.of("*"), attributes);
    }

    private static SessionDescription session(Origin origin, LocalMsrp local, MediaDescription section) {
        return new SessionDescription(origin, "-", Optional.of(Connection.in(local.address())), List.of(),
                Timing.UNBOUNDED, List.of(), List.of(section));
    }
}
