package org.parley.app.sip.call;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.sip.SipStackHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bare final answer to a request of a call (200 to BYE, 202 to REFER, 491, 422, ...). Core thread. */
final class StatelessAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(StatelessAnswers.class);

    private StatelessAnswers() {
    }

    /**
     * Answers on {@code st}, or without a transaction when there is none, with {@code extra} headers; a failure is
     * logged, not thrown.
     */
    static void send(SipStackHost host, ServerTransaction st, Request r, int status, Header... extra) {
        send(host, st, r, status, null, extra);
    }

    /** As {@link #send(SipStackHost, ServerTransaction, Request, int, Header...)}, with a reason phrase (or null). */
    static void send(SipStackHost host, ServerTransaction st, Request r, int status, String reason, Header... extra) {
        try {
            Response response = host.messages().createResponse(status, r);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            for (Header h : extra) {
                response.setHeader(h);
            }
            if (st != null) {
                st.sendResponse(response);
            } else {
                host.provider().sendResponse(response);
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not answer {} with {}", r.getMethod(), status, e);
        }
    }
}
