package org.parley.app.sip.validation;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the raw octets of one incoming message for what jain-sip's lenient parser lets through
 * (RFC 4475 §3.1.2, §3.3): request-line and header-line grammar, address and Via syntax, scalar ranges
 * (CSeq ≤ 2^32-1, Max-Forwards 0–255, status code 100–699), repeated single-valued headers, missing
 * mandatory headers, CSeq method against the request method (501 when the method is unknown), SIP-Version
 * (505), Content-Length (single, non-negative, not beyond the datagram's body).
 *
 * <p>Deliberately liberal where RFC 4475 allows it: RFC 2543 requests (no branch, no Max-Forwards, no
 * Content-Length on UDP) pass; Date is not checked (RFC 4475 §3.1.2.12 discourages rejecting); unknown
 * headers may hold any text; Expires values are not range-checked (§3.1.2.4 allows defaulting them).
 *
 * <p>Contract: stateless and thread-safe; called on jain-sip's transport threads (one call per datagram or
 * per stream message). Never throws; time linear in the input, which is capped at
 * {@link #MAX_INPUT_BYTES}.
 */
public final class RawMessageScreen {
    private static final Logger LOG = LoggerFactory.getLogger(RawMessageScreen.class);

    /** Largest datagram / stream header section screened; larger is rejected (513) or closed. */
    public static final int MAX_INPUT_BYTES = 65_536;
    /** Largest Content-Length accepted on a stream; larger closes the connection. */
    public static final long MAX_CONTENT_LENGTH = 128 * 1024;

    private static final String[] MANDATORY = {
        HeaderNames.VIA, HeaderNames.TO, HeaderNames.FROM, HeaderNames.CALL_ID, HeaderNames.CSEQ};
    private static final String[] SINGLE_VALUED = {
        HeaderNames.TO, HeaderNames.FROM, HeaderNames.CALL_ID, HeaderNames.CSEQ, HeaderNames.MAX_FORWARDS,
        HeaderNames.CONTENT_TYPE};

    /** Content-Length not known (the header section could not be split). */
    private static final long UNKNOWN = -2;

    private RawMessageScreen() {
    }

    /**
     * Screens one message.
     *
     * @param bytes   the datagram, or for {@link Framing#STREAM} the header section through the empty line
     * @param framing how {@code bytes} were delimited
     * @return the verdict; never null
     */
    public static Verdict screen(byte[] bytes, Framing framing) {
        Framing f = framing == null ? Framing.DATAGRAM : framing;
        if (bytes == null) {
            return new Verdict.Drop("No data");
        }
        Kind kind = Kind.of(bytes);
        if (bytes.length > MAX_INPUT_BYTES) {
            return verdict(new Problem(Problem.Kind.TOO_LARGE, "Message Too Large"), kind, f, UNKNOWN);
        }
        try {
            return judge(bytes, kind, f);
        } catch (RuntimeException e) {
            // A bug in the screen must not take the transport thread down; refuse the message instead.
            LOG.warn("Raw screen failed on a {}-octet message", bytes.length, e);
            return verdict(Problem.syntax("Unparseable message"), kind, f, UNKNOWN);
        }
    }

    /** {@link #screen} without the safety net, so that tests can tell a verdict from a bug. */
    static Verdict judge(byte[] bytes, Kind kind, Framing f) {
        long contentLength = UNKNOWN;
        try {
            RawMessage m = RawMessage.split(bytes);
            if (f == Framing.STREAM) {
                contentLength = contentLength(m);
            }
            String method = null;
            if (kind == Kind.RESPONSE) {
                StartLine.checkStatusLine(m.startLine);
            } else {
                method = StartLine.checkRequestLine(m.startLine);
            }
            if (f == Framing.DATAGRAM) {
                contentLength = contentLength(m);
            }
            checkHeaders(m);
            if (method != null) {
                checkCSeqMethod(m, method);
            }
            if (f == Framing.DATAGRAM) {
                checkDatagramBody(m, contentLength);
            }
            return Verdict.ACCEPT;
        } catch (Problem p) {
            return verdict(p, kind, f, contentLength);
        }
    }

    /** The Content-Length value, or -1 when absent (a stream then frames the message as body-less). */
    private static long contentLength(RawMessage m) throws Problem {
        int fields = m.count(HeaderNames.CONTENT_LENGTH);
        if (fields > 1) {
            throw new Problem(Problem.Kind.FRAMING, "Multiple Content-Length header fields");
        }
        if (fields == 0) {
            return -1;
        }
        long length = HeaderGrammar.contentLength(m.first(HeaderNames.CONTENT_LENGTH).value(), MAX_CONTENT_LENGTH);
        if (length < 0) {
            throw new Problem(Problem.Kind.TOO_LARGE, "Content-Length too large");
        }
        return length;
    }

    private static void checkDatagramBody(RawMessage m, long contentLength) throws Problem {
        if (m.bodyOffset < 0) {
            throw Problem.syntax("Header section not terminated by an empty line");
        }
        if (contentLength > m.bodyLength()) {
            throw Problem.syntax("Content-Length larger than the message body");
        }
    }

    private static void checkHeaders(RawMessage m) throws Problem {
        List<String> missing = null;
        for (String name : MANDATORY) {
            if (m.count(name) == 0) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(HeaderNames.pretty(name));
            }
        }
        if (missing != null) {
            throw Problem.syntax("Missing " + String.join(", ", missing));
        }
        for (String name : SINGLE_VALUED) {
            if (m.count(name) > 1) {
                throw Problem.syntax("Multiple " + HeaderNames.pretty(name) + " header fields");
            }
        }
        for (RawMessage.Field field : m.fields) {
            checkField(field);
        }
    }

    /** RFC 3261 §8.2.1/§21.5.2, RFC 4475 §3.1.2.17-18: 501 when the method is unknown, else 400. */
    private static void checkCSeqMethod(RawMessage m, String method) throws Problem {
        String cseqMethod = HeaderGrammar.cseqMethod(m.first(HeaderNames.CSEQ).value());
        if (!cseqMethod.equals(method)) {
            throw new Problem(Methods.isKnown(method) ? Problem.Kind.SYNTAX : Problem.Kind.UNKNOWN_METHOD,
                    "CSeq method does not match the request method");
        }
    }

    private static void checkField(RawMessage.Field field) throws Problem {
        String v = field.value();
        switch (field.canonical()) {
            case HeaderNames.VIA -> HeaderGrammar.via(v);
            case HeaderNames.TO, HeaderNames.FROM, HeaderNames.REPLY_TO ->
                    HeaderGrammar.address(v, field.name(), false, false, false);
            case HeaderNames.CONTACT -> HeaderGrammar.address(v, field.name(), true, true, false);
            case HeaderNames.ROUTE, HeaderNames.RECORD_ROUTE ->
                    HeaderGrammar.address(v, field.name(), true, false, true);
            case HeaderNames.CSEQ -> HeaderGrammar.cseq(v);
            case HeaderNames.MAX_FORWARDS -> HeaderGrammar.maxForwards(v);
            case HeaderNames.CALL_ID -> HeaderGrammar.callId(v);
            case HeaderNames.CONTENT_TYPE -> HeaderGrammar.contentType(v);
            case HeaderNames.REQUIRE, HeaderNames.PROXY_REQUIRE -> HeaderGrammar.optionTags(v, field.name(), false);
            case HeaderNames.SUPPORTED -> HeaderGrammar.optionTags(v, field.name(), true);
            default -> {
                // Unknown or unchecked header: any text.
            }
        }
    }

    /** Maps a problem to the verdict for this kind of message and framing. */
    private static Verdict verdict(Problem p, Kind kind, Framing f, long contentLength) {
        boolean stream = f == Framing.STREAM;
        if (stream && (p.kind == Problem.Kind.FRAMING || p.kind == Problem.Kind.TOO_LARGE)) {
            return new Verdict.Close(p.getMessage());
        }
        if (kind != Kind.REQUEST) {
            // Never answer a response or an ACK. On a stream its body must be skippable, else close.
            boolean bodyless = contentLength == 0 || contentLength == -1;
            return stream && !bodyless ? new Verdict.Close(p.getMessage() + " (body cannot be skipped)")
                    : new Verdict.Drop(p.getMessage());
        }
        return switch (p.kind) {
            case VERSION -> new Verdict.Reject(505, p.getMessage());
            case TOO_LARGE -> new Verdict.Reject(513, p.getMessage());
            case UNKNOWN_METHOD -> new Verdict.Reject(501, p.getMessage());
            default -> new Verdict.Reject(400, p.getMessage());
        };
    }

    /** What the start line says, judged before any parsing so that the verdict kind is always known. */
    enum Kind {
        REQUEST, ACK, RESPONSE;

        static Kind of(byte[] b) {
            int i = 0;
            while (i < b.length && (b[i] == '\r' || b[i] == '\n')) {
                i++;
            }
            if (startsWith(b, i, "SIP/") || startsWith(b, i, "sip/")) {
                return RESPONSE;
            }
            return startsWith(b, i, "ACK ") ? ACK : REQUEST;
        }

        private static boolean startsWith(byte[] b, int from, String prefix) {
            if (b.length - from < prefix.length()) {
                return false;
            }
            for (int k = 0; k < prefix.length(); k++) {
                if (b[from + k] != prefix.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }
}
