package org.parley.app.sip.call;

import java.text.ParseException;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.EventHeader;
import javax.sip.header.ReferToHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import org.parley.app.SipAddress;
import org.parley.app.sip.SipStackHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blind transfer within call dialogs (REFER, RFC 3515) both ways: sending a REFER and following its NOTIFYs
 * (message/sipfrag status lines) as the transferor; accepting a REFER and reporting the new call's progress as
 * the transferee. Where the REFER stands lives in {@link CallLeg#referTarget()}.
 *
 * <p>Threading: core thread only; owned by {@link CallSignalling}.
 */
final class CallTransfers {
    private static final Logger LOG = LoggerFactory.getLogger(CallTransfers.class);

    private final SipStackHost host;
    private final CallSignalling.Listener listener;

    CallTransfers(SipStackHost host, CallSignalling.Listener listener) {
        this.host = host;
        this.listener = listener;
    }

    /** Asks the peer to call {@code target} instead (blind transfer, RFC 3515); the outcome comes as an event. */
    boolean refer(CallLeg leg, SipAddress target) {
        if (leg.phase() != CallLeg.Phase.CONFIRMED || leg.dialog() == null || leg.referTarget() != null) {
            return false;
        }
        try {
            Request r = leg.dialog().createRequest(Request.REFER);
            r.setHeader(host.headers().createReferToHeader(host.addresses().createAddress(target.toString())));
            r.setHeader(host.headers().createHeader("Referred-By", "<" + leg.runtime().config().aor() + ">"));
            r.setHeader(leg.runtime().requests().contact());
            ClientTransaction ct = host.provider().getNewClientTransaction(r);
            leg.referTarget(target);
            leg.dialog().sendRequest(ct);
            return true;
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.info("REFER for call {} could not be sent", leg.callId(), e);
            leg.referTarget(null);
            return false;
        }
    }

    /**
     * Tells the transferor how the call it asked for goes (NOTIFY with a message/sipfrag status line, RFC 3515
     * §2.4.5); {@code status} 100–199 keeps the implicit subscription, a final one ends it.
     */
    void progress(CallLeg leg, int status, String reason) {
        if (leg.dialog() == null || leg.phase() == CallLeg.Phase.ENDED) {
            return;
        }
        try {
            Request n = leg.dialog().createRequest(Request.NOTIFY);
            n.setHeader(host.headers().createEventHeader("refer"));
            SubscriptionStateHeader state = host.headers().createSubscriptionStateHeader(
                    status < 200 ? "active" : "terminated");
            if (status < 200) {
                state.setExpires(60);
            } else {
                state.setReasonCode("noresource");
            }
            n.setHeader(state);
            n.setHeader(leg.runtime().requests().contact());
            n.setContent("SIP/2.0 " + status + " " + reason + "\r\n",
                    host.headers().createContentTypeHeader("message", "sipfrag"));
            ClientTransaction ct = host.provider().getNewClientTransaction(n);
            leg.dialog().sendRequest(ct);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.info("NOTIFY for the transfer of call {} failed", leg.callId(), e);
        }
    }

    /** The NOTIFY of our REFER in {@code leg}'s dialog: the status to answer it with. */
    int onNotify(CallLeg leg, Request notify) {
        EventHeader event = (EventHeader) notify.getHeader(EventHeader.NAME);
        if (event == null || !"refer".equalsIgnoreCase(event.getEventType()) || leg.referTarget() == null) {
            return 481;
        }
        int status = SipFrag.status(notify.getRawContent());
        if (status >= 200) {
            finish(leg, status);
        } else if (status < 0) {
            return 400;
        }
        return 200;
    }

    /** The final answer to our REFER itself: a refusal ends the transfer attempt. */
    void onReferResponse(CallLeg leg, int status) {
        if (status >= 300 && leg.referTarget() != null) {
            finish(leg, status);
        }
    }

    void onRefer(CallLeg leg, Request r, ServerTransaction st) {
        ReferToHeader referTo = (ReferToHeader) r.getHeader("Refer-To");
        SipAddress target = null;
        if (referTo != null && referTo.getAddress().getURI() instanceof SipURI u && u.getUser() != null) {
            try {
                target = SipAddress.parse(u.getScheme() + ":" + u.getUser() + "@" + u.getHost()
                        + (u.getPort() > 0 ? ":" + u.getPort() : ""));
            } catch (IllegalArgumentException e) {
                target = null;
            }
        }
        if (target == null || leg.phase() != CallLeg.Phase.CONFIRMED) {
            StatelessAnswers.send(host, st, r, target == null ? 400 : 491);
            return;
        }
        StatelessAnswers.send(host, st, r, 202);
        progress(leg, 100, "Trying");
        listener.referred(leg, target);
    }

    private void finish(CallLeg leg, int status) {
        SipAddress target = leg.referTarget();
        leg.referTarget(null);
        listener.transferOutcome(leg, target, status);
    }
}
