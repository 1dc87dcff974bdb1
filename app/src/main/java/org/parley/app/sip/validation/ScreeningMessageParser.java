package org.parley.app.sip.validation;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's message parser with {@link RawMessageScreen} in front of it. Runs on jain-sip's transport
 * threads; stateless and shared by every channel of every stack.
 *
 * <p>jain-sip's callers, and how the screen's verdict is carried out through them:
 * <ul>
 *   <li>UDP ({@code UDPMessageChannel}: whole datagram, {@code readBody}, the channel as listener).
 *       A ParseException makes jain-sip send a 400 built from the raw text — when it finds Via, CSeq,
 *       Call-ID, From and To — to the packet's source (never for responses or ACK); {@code null} is a silent
 *       drop. After parsing it answers a non-SIP/2.0 version with 505 and a CSeq method mismatch with 400,
 *       and silently drops requests without From, To, Call-ID, CSeq or Via.
 *   <li>TCP/TLS ({@code PipelinedMsgParser}: header section only, the channel as listener). jain-sip
 *       ignores a ParseException and then misreads the body as the next message; {@code null} skips the
 *       header section only. Version and CSeq-method errors get 505/400 and the connection is closed.
 *   <li>NIO TCP ({@code NioPipelineParser}: header section, no listener; it frames the body itself).
 *       A ParseException is logged and the message skipped.
 *   <li>The stack re-parsing its own messages ({@code readBody}, no listener): not screened.
 * </ul>
 * A {@link Verdict.Reject} reaches the peer through the listener whenever possible: the leniently parsed
 * request carries the rejection ({@link CarriedRejection}) and {@link RequestScreen} returns it. When
 * jain-sip would answer or drop before the listener, UDP answers via {@link DatagramResponder} or jain-sip's
 * raw-text 400, and a stream is closed (it cannot be answered and must not desynchronise).
 */
final class ScreeningMessageParser implements MessageParser {
    private static final Logger LOG = LoggerFactory.getLogger(ScreeningMessageParser.class);
    static final ScreeningMessageParser INSTANCE = new ScreeningMessageParser(new StringMsgParser());

    private final MessageParser lenient;

    ScreeningMessageParser(MessageParser lenient) {
        this.lenient = lenient;
    }

    /** Which jain-sip caller handed us the bytes. */
    private enum Source {
        DATAGRAM, STREAM, NIO_STREAM, INTERNAL;

        static Source of(boolean readBody, ParseExceptionListener listener) {
            if (readBody) {
                return listener == null ? INTERNAL : DATAGRAM;
            }
            return listener instanceof MessageChannel ? STREAM : NIO_STREAM;
        }

        Framing framing() {
            return this == DATAGRAM ? Framing.DATAGRAM : Framing.STREAM;
        }
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict,
                                      ParseExceptionListener listener) throws ParseException {
        Source source = Source.of(readBody, listener);
        if (source == Source.INTERNAL) {
            return lenient.parseSIPMessage(bytes, readBody, strict, listener);
        }
        Verdict verdict = RawMessageScreen.screen(bytes, source.framing());
        if (verdict instanceof Verdict.Accept) {
            return accept(bytes, readBody, listener, source);
        }
        if (verdict instanceof Verdict.Reject reject) {
            return reject(bytes, readBody, listener, source, reject);
        }
        if (verdict instanceof Verdict.Drop drop) {
            LOG.debug("Dropping a malformed message: {}", drop.why());
            return discard(drop.why(), source);
        }
        return close(((Verdict.Close) verdict).why(), listener, source);
    }

    /** Lenient parse (strict mode wrongly refuses RFC 2543 messages; the screen did the strict part). */
    private SIPMessage accept(byte[] bytes, boolean readBody, ParseExceptionListener listener, Source source)
            throws ParseException {
        try {
            return lenient.parseSIPMessage(bytes, readBody, false, listener);
        } catch (ParseException | RuntimeException e) {
            if (source == Source.STREAM) {
                return close("jain-sip could not parse a screened message: " + e.getMessage(), listener, source);
            }
            throw e instanceof ParseException pe ? pe : new ParseException(String.valueOf(e.getMessage()), 0);
        }
    }

    private SIPMessage reject(byte[] bytes, boolean readBody, ParseExceptionListener listener, Source source,
                              Verdict.Reject reject) throws ParseException {
        Rejection rejection = Rejection.of(reject.status(), reject.reason());
        SIPRequest request = parseQuietly(bytes, readBody, listener);
        if (request != null && hasCoreHeaders(request)) {
            int stackStatus = statusJainSipSendsItself(request);
            if (stackStatus == 0) {
                CarriedRejection.attach(request, rejection);
                LOG.debug("Request to be answered {}: {}", reject.status(), reject.reason());
                return request;
            }
            if (stackStatus == reject.status() || source != Source.DATAGRAM) {
                return request; // jain-sip answers (and closes a stream) by itself
            }
        }
        if (source == Source.DATAGRAM) {
            if (request != null && DatagramResponder.send(listener, request, rejection)) {
                return null;
            }
            throw new ParseException(rejection.reason(), 0); // jain-sip's raw-text 400, when it can build one
        }
        return close("cannot answer " + reject.status() + " " + reject.reason(), listener, source);
    }

    private SIPRequest parseQuietly(byte[] bytes, boolean readBody, ParseExceptionListener listener) {
        try {
            return lenient.parseSIPMessage(bytes, readBody, false, listener) instanceof SIPRequest r ? r : null;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /** The headers without which jain-sip drops a request before any listener sees it. */
    private static boolean hasCoreHeaders(SIPRequest r) {
        return r.getFrom() != null && r.getTo() != null && r.getCallId() != null && r.getCSeq() != null
                && r.getTopmostVia() != null && r.getRequestLine() != null;
    }

    /** The status jain-sip's channels send before the listener (505, 400), or 0. */
    private static int statusJainSipSendsItself(SIPRequest r) {
        if (!StartLine.VERSION.equals(r.getRequestLine().getSipVersion())) {
            return 505;
        }
        return r.getMethod().equalsIgnoreCase(r.getCSeq().getMethod()) ? 0 : 400;
    }

    private static SIPMessage discard(String why, Source source) throws ParseException {
        if (source == Source.NIO_STREAM) {
            throw new ParseException(why, 0); // NIO: logged and skipped; it frames the body itself
        }
        return null;
    }

    private static SIPMessage close(String why, ParseExceptionListener listener, Source source)
            throws ParseException {
        if (source == Source.STREAM && listener instanceof MessageChannel channel) {
            LOG.debug("Closing the connection from {}: {}", channel.getPeerAddress(), why);
            channel.close();
            return null;
        }
        return discard(why, source);
    }
}
