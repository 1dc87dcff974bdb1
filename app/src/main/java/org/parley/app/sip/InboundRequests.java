package org.parley.app.sip;

import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.chat.ChatEngine;
import org.parley.app.chat.IncomingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests from the network: MESSAGE goes to the chat handler (which answers once the message is on
 * disk), NOTIFY and SUBSCRIBE go to presence, OPTIONS is answered with our capabilities, everything else is refused with the proper status.
 * Requests that fail {@link RequestGate} are answered with its verdict before anything else looks at them.
 *
 * <p>Threading: core thread only.
 */
public final class InboundRequests {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRequests.class);
    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, REFER, MESSAGE, OPTIONS, NOTIFY, SUBSCRIBE";
    static final String ACCEPT = "text/plain, application/im-iscomposing+xml";

    private final SipStackHost host;
    private final RequestGate gate;
    private final Function<Request, Optional<String>> accountFor;
    private final BiConsumer<IncomingMessage, IntConsumer> messages;
    private final SenderNames senders = new SenderNames();
    private ToIntFunction<Request> notifies = r -> 481;
    private BiFunction<String, Request, Answer> subscribes = (account, r) -> Answer.of(489);
    private Calls calls;

    /** Who handles INVITE, and ACK/BYE/CANCEL of calls. */
    public interface Calls {
        /** A new INVITE for {@code account}; {@code tx} may be null (then answer statelessly). */
        void onInvite(RequestEvent event, ServerTransaction tx, String account);

        /** ACK, BYE, CANCEL or REFER: false when it is about no call we know. */
        boolean onRequest(RequestEvent event, ServerTransaction tx);

        /** An INVITE within a dialog (re-INVITE): false when it is about no call we know. */
        boolean onReinvite(RequestEvent event, ServerTransaction tx);
    }

    /**
     * @param accountFor which of our accounts a request is for (by Request-URI user, then To)
     * @param messages   receives each MESSAGE and a callback that sends the final status exactly once
     */
    public InboundRequests(SipStackHost host, RequestGate gate, Function<Request, Optional<String>> accountFor,
                           BiConsumer<IncomingMessage, IntConsumer> messages) {
        this.host = host;
        this.gate = gate;
        this.accountFor = accountFor;
        this.messages = messages;
    }

    /** Who answers NOTIFYs (presence subscriptions): returns the status to answer with. */
    public void onNotify(ToIntFunction<Request> handler) {
        this.notifies = handler;
    }

    public void onCalls(Calls handler) {
        this.calls = handler;
    }

    /** Who answers SUBSCRIBEs to one of our accounts (peer-to-peer presence): given the account and request. */
    public void onSubscribe(BiFunction<String, Request, Answer> handler) {
        this.subscribes = handler;
    }

    public void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            if (calls != null) {
                calls.onRequest(event, null);
            }
            return;
        }
        ServerTransaction tx;
        try {
            tx = event.getServerTransaction() != null ? event.getServerTransaction()
                    : host.provider().getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            return; // a retransmission of a request we are already handling
        } catch (SipException | RuntimeException e) {
            // jain-sip refuses a transaction for some requests it parsed (an RFC 2543 INVITE without
            // Max-Forwards, an INVITE without Contact): answer them statelessly rather than not at all.
            LOG.debug("no server transaction for {}; answering statelessly", method, e);
            tx = null;
        }
        Optional<RequestGate.Refusal> refusal = gate.check(request);
        if (refusal.isPresent()) {
            RequestGate.Refusal r = refusal.get();
            respond(tx, request, r.status(), r.reason(), r.headers());
            return;
        }
        switch (method) {
            case Request.MESSAGE -> onMessage(tx, request);
            case Request.NOTIFY -> respond(tx, request, notifies.applyAsInt(request), null, new String[0][]);
            case Request.SUBSCRIBE -> onSubscribe(tx, request);
            case Request.OPTIONS -> respond(tx, request, 200, null, new String[][] {
                    {"Allow", ALLOW}, {"Accept", ACCEPT}});
            case Request.INVITE -> onInvite(event, tx, request);
            case Request.BYE, Request.CANCEL, Request.REFER -> {
                if (calls == null || !calls.onRequest(event, tx)) {
                    respond(tx, request, 481, null, new String[0][]);
                }
            }
            default -> respond(tx, request, 405, null, new String[][] {{"Allow", ALLOW}});
        }
    }

    private void onInvite(RequestEvent event, ServerTransaction tx, Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() != null) {
            if (calls == null || !calls.onReinvite(event, tx)) {
                respond(tx, request, 481, null, new String[0][]);
            }
            return;
        }
        Optional<String> account = accountFor.apply(request);
        if (account.isEmpty() || calls == null) {
            respond(tx, request, account.isEmpty() ? 404 : 480, null, new String[0][]);
            return;
        }
        calls.onInvite(event, tx, account.get());
    }

    private void onSubscribe(ServerTransaction tx, Request request) {
        Optional<String> account = accountFor.apply(request);
        if (account.isEmpty()) {
            respond(tx, request, 404, null, new String[0][]);
            return;
        }
        Answer answer = subscribes.apply(account.get(), request);
        try {
            Response response = host.messages().createResponse(answer.status(), request);
            if (answer.reason() != null) {
                response.setReasonPhrase(answer.reason());
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null) {
                to.setTag(answer.toTag() != null ? answer.toTag() : Long.toHexString(System.nanoTime()));
            }
            for (javax.sip.header.Header h : answer.headers()) {
                response.setHeader(h);
            }
            if (tx != null) {
                tx.sendResponse(response);
            } else {
                host.provider().sendResponse(response);
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not answer SUBSCRIBE with {}", answer.status(), e);
            return;
        }
        answer.afterSent().run();
    }

    private void onMessage(ServerTransaction tx, Request request) {
        Optional<String> account = accountFor.apply(request);
        if (account.isEmpty()) {
            respond(tx, request, 404, null, new String[0][]);
            return;
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        String sender;
        try {
            sender = from.getAddress().getURI() instanceof SipURI u
                    ? senders.normalise(u.getScheme() + ":" + u.getUser() + "@" + u.getHost())
                    : from.getAddress().getURI().toString();
        } catch (IllegalArgumentException e) {
            respond(tx, request, 400, "Bad From address", new String[0][]);
            return;
        }
        ContentTypeHeader ct = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        String type = ct == null ? "text/plain"
                : (ct.getContentType() + "/" + ct.getContentSubType()).toLowerCase(Locale.ROOT);
        String charset = ct == null ? null : ct.getParameter("charset");
        byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
        String key = dedupKey(sender, from.getTag(), ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber());
        boolean[] answered = {false};
        IntConsumer respond = status -> {
            if (!answered[0]) {
                answered[0] = true;
                respond(tx, request, status, null, status == 415
                        ? new String[][] {{"Accept", ACCEPT}} : new String[0][]);
            }
        };
        messages.accept(new IncomingMessage(account.get(), sender, key, type, body, charset), respond);
    }

    /**
     * The identity of an incoming MESSAGE for de-duplication (docs/decisions/0001). A Call-ID made by Parley
     * ("…@parley") names exactly one message, and its re-sends may carry another CSeq (digest retry), so CSeq is
     * left out; other clients may reuse a Call-ID for a whole conversation, so theirs count with CSeq.
     */
    static String dedupKey(String sender, String fromTag, String callId, long cseq) {
        String base = sender + ";" + fromTag + ";" + callId;
        return callId.endsWith(ChatEngine.CALL_ID_SUFFIX) ? base : base + ";" + cseq;
    }

    private void respond(ServerTransaction tx, Request request, int status, String reason, String[][] headers) {
        try {
            Response response = host.messages().createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null) {
                to.setTag(Long.toHexString(System.nanoTime()));
            }
            for (String[] h : headers) {
                ListHeaders.add(response, host.headers(), h[0], h[1]);
            }
            if (tx != null) {
                tx.sendResponse(response);
            } else {
                host.provider().sendResponse(response);
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not answer {} with {}", request.getMethod(), status, e);
        }
    }
}
