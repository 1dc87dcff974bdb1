package org.parley.app.sip.presence;

import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RouteHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.parley.app.SipAddress;
import org.parley.app.sip.RequestBuilder;
import org.parley.app.sip.SipStackHost;

/**
 * Builds the presence requests of one account: PUBLISH (RFC 3903) and SUBSCRIBE (RFC 6665/3856), initial and
 * within a subscription dialog. Stateless apart from the account's {@link RequestBuilder}.
 *
 * <p>Threading: core thread only (like the builder it wraps).
 */
public final class PresenceRequests {
    static final String EVENT = "presence";
    static final String PIDF = "application/pidf+xml";

    private final SipStackHost host;
    private final RequestBuilder builder;
    private final SipAddress aor;

    public PresenceRequests(SipStackHost host, RequestBuilder builder, SipAddress aor) {
        this.host = host;
        this.builder = builder;
        this.aor = aor;
    }

    /**
     * PUBLISH of our own state. {@code etag} null = initial publication; {@code body} null = refresh (RFC 3903
     * §4.4); {@code expires} 0 = removal.
     */
    Request publish(String callId, String fromTag, long cseq, String etag, byte[] body, int expires)
            throws ParseException {
        Request r = builder.outOfDialog(Request.PUBLISH, aor, callId, fromTag, cseq);
        try {
            r.addHeader(event());
            r.addHeader(host.headers().createExpiresHeader(expires));
            if (etag != null) {
                r.addHeader(host.headers().createSIPIfMatchHeader(etag));
            }
            if (body != null) {
                r.setContent(body, pidf());
            }
        } catch (InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
        return r;
    }

    /** The initial SUBSCRIBE to {@code target}'s {@code pkg} events, outside any dialog. */
    Request subscribe(SipAddress target, EventPackage pkg, String callId, String fromTag, long cseq, int expires)
            throws ParseException {
        Request r = builder.outOfDialog(Request.SUBSCRIBE, target, callId, fromTag, cseq);
        addSubscribeHeaders(r, pkg, expires);
        return r;
    }

    /**
     * A SUBSCRIBE within the subscription's dialog (refresh, or {@code expires} 0 to end it): the remote tag,
     * the remote target as Request-URI and the dialog's route set (RFC 3261 §12.2.1.1). With an empty route set
     * the request still goes through the account's outbound proxy.
     */
    Request resubscribe(SipAddress contact, EventPackage pkg, String callId, String fromTag, long cseq, int expires,
                        SubscriptionDialog dialog) throws ParseException {
        Request r = builder.outOfDialog(Request.SUBSCRIBE, contact, callId, fromTag, cseq);
        ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(dialog.remoteTag());
        if (dialog.remoteTarget() != null) {
            r.setRequestURI((URI) dialog.remoteTarget().clone());
        }
        if (!dialog.routeSet().isEmpty()) {
            r.removeHeader(RouteHeader.NAME);
            for (Address hop : dialog.routeSet()) {
                r.addHeader(host.headers().createRouteHeader((Address) hop.clone()));
            }
        }
        addSubscribeHeaders(r, pkg, expires);
        return r;
    }

    /**
     * A NOTIFY within a subscription we serve (peer-to-peer presence, RFC 6665 §4.2.2): From is us with our
     * tag, To the watcher with theirs, the watcher's Contact as Request-URI, the route set from their SUBSCRIBE.
     * {@code body} null = no document (pending or terminated without state).
     */
    Request notify(SipAddress watcher, String callId, String localTag, long cseq, SubscriptionDialog dialog,
                   String eventId, SubscriptionStateHeader state, byte[] body)
            throws ParseException {
        Request r = builder.outOfDialog(Request.NOTIFY, watcher, callId, localTag, cseq);
        ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(dialog.remoteTag());
        if (dialog.remoteTarget() != null) {
            r.setRequestURI((URI) dialog.remoteTarget().clone());
        }
        if (!dialog.routeSet().isEmpty()) {
            r.removeHeader(RouteHeader.NAME);
            for (Address hop : dialog.routeSet()) {
                r.addHeader(host.headers().createRouteHeader((Address) hop.clone()));
            }
        }
        EventHeader event = event();
        if (eventId != null) {
            event.setEventId(eventId);
        }
        r.addHeader(event);
        r.addHeader(state);
        r.addHeader(builder.contact());
        if (body != null) {
            r.setContent(body, pidf());
        }
        return r;
    }

    /** A Subscription-State header: {@code active}/{@code pending} with expires, or {@code terminated;reason=}. */
    SubscriptionStateHeader subscriptionState(String state, int expires, String reason)
            throws ParseException {
        SubscriptionStateHeader h = host.headers().createSubscriptionStateHeader(state);
        try {
            if (expires >= 0) {
                h.setExpires(expires);
            }
            if (reason != null) {
                h.setReasonCode(reason);
            }
        } catch (InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
        return h;
    }

    /** Our Contact, for the 2xx that accepts a SUBSCRIBE. */
    ContactHeader contact() throws ParseException {
        return builder.contact();
    }

    HeaderFactory headers() {
        return host.headers();
    }

    private void addSubscribeHeaders(Request r, EventPackage pkg, int expires) throws ParseException {
        try {
            r.addHeader(host.headers().createEventHeader(pkg.event()));
            r.addHeader(host.headers().createExpiresHeader(expires));
            r.addHeader(builder.contact());
            r.addHeader(host.headers().createAcceptHeader(pkg.acceptType(), pkg.acceptSubtype()));
        } catch (InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    private EventHeader event() throws ParseException {
        return host.headers().createEventHeader(EVENT);
    }

    private ContentTypeHeader pidf() throws ParseException {
        return host.headers().createContentTypeHeader("application", "pidf+xml");
    }
}
