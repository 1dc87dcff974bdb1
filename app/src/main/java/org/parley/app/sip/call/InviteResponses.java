package org.parley.app.sip.call;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.Response;
import org.parley.app.call.CallEnd;
import org.parley.app.chat.Tags;
import org.parley.app.sip.SipStackHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Responses of initial INVITE transactions: ours to an incoming call (with our tag, Contact, SDP and the session
 * timer headers of a 2xx), and what a final response to our INVITE means as a {@link CallEnd}.
 *
 * <p>Threading: core thread only; owned by {@link CallSignalling}.
 */
final class InviteResponses {
    private static final Logger LOG = LoggerFactory.getLogger(InviteResponses.class);

    private final SipStackHost host;
    private final CallSessionTimers timers;

    InviteResponses(SipStackHost host, CallSessionTimers timers) {
        this.host = host;
        this.timers = timers;
    }

    /**
     * Sends {@code status} on the incoming INVITE's transaction, with our Contact below 300 and {@code sdp} when not
     * null. Returns false (logged) when it could not be sent.
     */
    boolean send(CallLeg leg, int status, byte[] sdp) {
        try {
            Response response = host.messages().createResponse(status, leg.invite());
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(leg.dialog() != null && leg.dialog().getLocalTag() != null ? leg.dialog().getLocalTag()
                        : Tags.random());
            }
            if (status < 300) {
                response.addHeader(leg.runtime().requests().contact());
            }
            if (status / 100 == 2) {
                timers.addToResponse(response, timers.decide(leg.invite()));
            }
            if (sdp != null) {
                response.setContent(sdp, host.headers().createContentTypeHeader("application", "sdp"));
            }
            leg.inviteServer().sendResponse(response);
            return true;
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.info("could not answer call {} with {}", leg.callId(), status, e);
            return false;
        }
    }

    /** Why our call ended, from the final response to our INVITE. */
    static CallEnd endOf(int status, String reason) {
        return switch (status) {
            case 486, 600 -> new CallEnd.Busy();
            case 603 -> new CallEnd.Declined();
            case 408, 480 -> new CallEnd.NoAnswer();
            case 487 -> new CallEnd.Cancelled();
            default -> new CallEnd.Rejected(status, reason);
        };
    }
}
