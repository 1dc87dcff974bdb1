package org.parley.app.sip.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentEncodingHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semantic checks of a parsed request before a user agent processes it (RFC 3261 §8.2, RFC 4475 §3.3), in
 * this order:
 * <ol>
 *   <li>a verdict the raw screen attached on the transport thread (see {@link ScreeningMessageParserFactory});
 *   <li>To, From, Call-ID, CSeq, Via present — else 400;
 *   <li>CSeq method equals the request method — else 501 if the method is unknown, 400 otherwise;
 *   <li>method known — else 501 with {@code Allow};
 *   <li>Request-URI scheme sip, sips or tel — else 416;
 *   <li>every {@code Require} option tag supported — else 420 with {@code Unsupported} (Proxy-Require is
 *       for proxies and ignored by a UAS, RFC 3261 §8.2.2.3; not checked for CANCEL);
 *   <li>a body has a Content-Type, a known Content-Encoding and, for methods the policy lists, an accepted
 *       type — else 400, or 415 with {@code Accept-Encoding} / {@code Accept};
 *   <li>an {@code Accept} header admits a type our answer would carry — else 406.
 * </ol>
 * ACK is never refused (it cannot be answered). Max-Forwards 0 is fine for an endpoint.
 *
 * <p>Contract: stateless apart from its immutable {@link ScreenPolicy}, thread-safe, never throws; meant for
 * the core thread that answers requests.
 */
public final class RequestScreen {
    private static final Logger LOG = LoggerFactory.getLogger(RequestScreen.class);
    private static final Set<String> SCHEMES = Set.of("sip", "sips", "tel");
    private static final String[] MANDATORY = {ToHeader.NAME, FromHeader.NAME, CallIdHeader.NAME, CSeqHeader.NAME,
        ViaHeader.NAME};

    private final ScreenPolicy policy;

    public RequestScreen(ScreenPolicy policy) {
        this.policy = policy;
    }

    /** A screen with {@link ScreenPolicy#parley()}. */
    public static RequestScreen forParley() {
        return new RequestScreen(ScreenPolicy.parley());
    }

    /**
     * @return the rejection to send instead of processing {@code request}, or empty to process it
     */
    public Optional<Rejection> screen(Request request) {
        try {
            Optional<Rejection> carried = CarriedRejection.of(request);
            if (carried.isPresent()) {
                return carried;
            }
            return Optional.ofNullable(check(request));
        } catch (RuntimeException e) {
            LOG.debug("Request screen could not judge a request", e);
            return Optional.of(Rejection.of(400, "Malformed request"));
        }
    }

    private Rejection check(Request request) {
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return null;
        }
        Rejection r = mandatoryHeaders(request);
        if (r == null) {
            r = methods(request, method);
        }
        if (r == null) {
            r = uriScheme(request);
        }
        if (r == null && !Request.CANCEL.equals(method)) {
            r = extensions(request);
        }
        if (r == null) {
            r = body(request, method);
        }
        if (r == null) {
            r = acceptable(request, method);
        }
        return r;
    }

    private static Rejection mandatoryHeaders(Request request) {
        List<String> missing = null;
        for (String name : MANDATORY) {
            if (request.getHeader(name) == null) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(name);
            }
        }
        return missing == null ? null : Rejection.of(400, "Missing " + String.join(", ", missing));
    }

    private Rejection methods(Request request, String method) {
        String cseqMethod = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getMethod();
        boolean known = Methods.isKnown(method);
        if (!method.equals(cseqMethod)) {
            return known ? Rejection.of(400, "CSeq method does not match the request method")
                    : Rejection.of(501, "Not Implemented", "Allow", sorted(policy.allow()));
        }
        return known ? null : Rejection.of(501, "Not Implemented", "Allow", sorted(policy.allow()));
    }

    private static Rejection uriScheme(Request request) {
        String scheme = request.getRequestURI().getScheme();
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            return Rejection.of(416, "Unsupported URI Scheme");
        }
        return null;
    }

    private Rejection extensions(Request request) {
        Set<String> unsupported = null;
        ListIterator<?> it = request.getHeaders(RequireHeader.NAME);
        while (it != null && it.hasNext()) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (tag != null && !policy.optionTags().contains(tag)) {
                if (unsupported == null) {
                    unsupported = new TreeSet<>();
                }
                unsupported.add(tag);
            }
        }
        return unsupported == null ? null
                : Rejection.of(420, "Bad Extension", "Unsupported", unsupported);
    }

    private Rejection body(Request request, String method) {
        byte[] content = request.getRawContent();
        if (content == null || content.length == 0) {
            return null;
        }
        ContentTypeHeader ct = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (ct == null) {
            return Rejection.of(400, "Body without Content-Type");
        }
        ContentEncodingHeader ce = (ContentEncodingHeader) request.getHeader(ContentEncodingHeader.NAME);
        if (ce != null && !"identity".equalsIgnoreCase(ce.getEncoding())) {
            return Rejection.of(415, "Unsupported Media Type", "Accept-Encoding", List.of("identity"));
        }
        Set<String> accepted = policy.acceptedBodyTypes().get(method);
        String type = (ct.getContentType() + "/" + ct.getContentSubType()).toLowerCase(Locale.ROOT);
        if (accepted != null && !accepted.contains(type)) {
            return Rejection.of(415, "Unsupported Media Type", "Accept", sorted(accepted));
        }
        return null;
    }

    /** RFC 3261 §20.1: an Accept header lists what the response body may be; empty means nothing. */
    private Rejection acceptable(Request request, String method) {
        Set<String> answers = policy.answerBodyTypes().get(method);
        ListIterator<?> it = request.getHeaders(AcceptHeader.NAME);
        if (answers == null || it == null || !it.hasNext()) {
            return null;
        }
        while (it.hasNext()) {
            AcceptHeader a = (AcceptHeader) it.next();
            String type = a.getContentType();
            String sub = a.getContentSubType();
            if (type == null || sub == null) {
                continue;
            }
            for (String answer : answers) {
                if (matches(type, sub, answer)) {
                    return null;
                }
            }
        }
        return Rejection.of(406, "Not Acceptable");
    }

    private static boolean matches(String type, String sub, String answer) {
        int slash = answer.indexOf('/');
        String t = type.toLowerCase(Locale.ROOT);
        String s = sub.toLowerCase(Locale.ROOT);
        return (t.equals("*") || t.equals(answer.substring(0, slash)))
                && (s.equals("*") || s.equals(answer.substring(slash + 1)));
    }

    private static List<String> sorted(Set<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }
}
