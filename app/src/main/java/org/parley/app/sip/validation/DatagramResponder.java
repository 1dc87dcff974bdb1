package org.parley.app.sip.validation;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.stack.MessageChannel;
import java.net.InetAddress;
import javax.sip.header.ToHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, statelessly and from the parser layer, a request received in a datagram that jain-sip will not
 * hand to the listener (missing From/To/Call-ID, or a CSeq mismatch jain-sip would answer with 400 where
 * the verdict says 501). The response goes out on the receiving UDP socket to the packet's source address
 * and the top Via's port (RFC 3261 §18.2.2 "received"; the source port, needed for rport, is not known at
 * parse time, so requests asking for rport are left to jain-sip's own 400).
 */
final class DatagramResponder {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramResponder.class);
    private static final String RFC3261_BRANCH = "z9hG4bK";
    private static final int DEFAULT_PORT = 5060;

    private DatagramResponder() {
    }

    /** @return true when the response was sent; false when this path cannot answer. Never throws. */
    static boolean send(ParseExceptionListener receiver, SIPRequest request, Rejection rejection) {
        if (!(receiver instanceof MessageChannel channel)) {
            return false;
        }
        Via via = request.getTopmostVia();
        if (via == null || request.getCSeq() == null || via.hasParameter(Via.RPORT)) {
            return false;
        }
        boolean identifiable = via.getBranch() != null && via.getBranch().startsWith(RFC3261_BRANCH);
        if (!identifiable && (request.getFrom() == null || request.getTo() == null || request.getCallId() == null)) {
            return false; // jain-sip derives an RFC 2543 transaction id from these headers
        }
        try {
            SIPResponse response = request.createResponse(rejection.status(), rejection.reason());
            ToHeader to = response.getTo();
            if (to != null && to.getTag() == null) {
                to.setTag(Long.toHexString(System.nanoTime()));
            }
            InetAddress source = InetAddress.getByName(channel.getPeerAddress()); // a literal: no lookup
            int port = via.getPort() > 0 ? via.getPort() : DEFAULT_PORT;
            channel.sendMessage(response, source, port);
            LOG.debug("Answered a malformed datagram with {} to {}:{}", rejection.status(), source, port);
            return true;
        } catch (Exception e) {
            LOG.debug("Could not answer a malformed datagram with {}", rejection.status(), e);
            return false;
        }
    }
}
