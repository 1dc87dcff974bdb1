package org.parley.app.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends non-INVITE requests and turns their outcome into a {@link SipResult}, answering digest challenges.
 *
 * <p>Threading: core thread only (all methods, and the futures complete on the core thread).
 */
public final class ClientRequests {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRequests.class);
    private static final int MAX_CHALLENGES = 3;

    private final SipStackHost host;
    private final Map<ClientTransaction, Pending> pending = new HashMap<>();
    private boolean closed;

    private record Pending(Request request, Authorizer authorizer, CompletableFuture<SipResult> result,
                           int challenges, boolean answered) {
    }

    public ClientRequests(SipStackHost host) {
        this.host = host;
    }

    /**
     * Sends {@code request} (a fresh Via branch is set by the transaction layer). Credentials from a cached
     * nonce are added when {@code authorizer} has one.
     */
    public CompletableFuture<SipResult> send(Request request, Authorizer authorizer) {
        CompletableFuture<SipResult> result = new CompletableFuture<>();
        if (closed) {
            result.complete(new SipResult.TransportFailed(new java.io.IOException("Parley is shutting down")));
            return result;
        }
        authorizer.preemptive(request).ifPresent(request::setHeader);
        // A cached nonce may have been forgotten by the server (restart, expiry): the first challenge is
        // answered even then; only a rejection of credentials computed for a fresh challenge is final.
        start(new Pending(request, authorizer, result, 0, false));
        return result;
    }

    private void start(Pending p) {
        try {
            ClientTransaction tx = host.provider().getNewClientTransaction(p.request());
            pending.put(tx, p);
            try {
                tx.sendRequest();
            } catch (SipException | RuntimeException e) {
                pending.remove(tx);
                p.result().complete(new SipResult.TransportFailed(e));
            }
        } catch (SipException | RuntimeException e) {
            p.result().complete(new SipResult.TransportFailed(e));
        }
    }

    /** @return true when the response belonged to a request sent here */
    public boolean onResponse(ResponseEvent event) {
        ClientTransaction tx = event.getClientTransaction();
        if (tx == null) {
            return false;
        }
        Response response = event.getResponse();
        if (response.getStatusCode() < 200) {
            return pending.containsKey(tx);
        }
        Pending p = pending.remove(tx);
        if (p == null) {
            return false;
        }
        int status = response.getStatusCode();
        if ((status == 401 || status == 407) && p.challenges() < MAX_CHALLENGES) {
            Optional<Header> credentials = p.authorizer().answer(p.request(), response, p.answered());
            if (credentials.isPresent()) {
                Request retry = nextAttempt(p.request(), credentials.get());
                start(new Pending(retry, p.authorizer(), p.result(), p.challenges() + 1, true));
                return true;
            }
        }
        p.result().complete(new SipResult.Final(response));
        return true;
    }

    /** @return true when the transaction was ours */
    public boolean onTimeout(ClientTransaction tx) {
        Pending p = pending.remove(tx);
        if (p == null) {
            return false;
        }
        p.result().complete(new SipResult.TimedOut());
        return true;
    }

    /** Fails every pending request whose next hop is {@code peerHost:peerPort} after a transport error. */
    public void onTransportError(String peerHost, int peerPort) {
        List<Pending> failed = new ArrayList<>();
        pending.values().removeIf(p -> NextHop.of(p.request()).matches(peerHost, peerPort) && failed.add(p));
        // (completed outside the iteration: a caller's continuation may send the next request at once)
        failed.forEach(p -> p.result().complete(new SipResult.TransportFailed(
                new java.io.IOException("Connection to " + peerHost + ":" + peerPort + " failed"))));
    }

    /** Abandons every pending request (shutdown); requests sent afterwards fail at once. */
    public void cancelAll() {
        closed = true;
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        all.forEach(p -> p.result().complete(new SipResult.TransportFailed(
                new java.io.IOException("Parley is shutting down"))));
    }

    /**
     * {@code previous} again for a digest retry: a copy with CSeq + 1, a Via without branch (the transaction layer
     * sets a fresh one) and {@code credentials} in place of any earlier ones.
     */
    public static Request nextAttempt(Request previous, Header credentials) {
        Request retry = (Request) previous.clone();
        try {
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("CSeq overflow", e);
        }
        retry.removeHeader(ViaHeader.NAME);
        ViaHeader via = (ViaHeader) previous.getHeader(ViaHeader.NAME);
        ViaHeader fresh = (ViaHeader) via.clone();
        fresh.removeParameter("branch");
        retry.addHeader(fresh);
        if (credentials instanceof ProxyAuthorizationHeader) {
            retry.removeHeader(ProxyAuthorizationHeader.NAME);
        } else if (credentials instanceof AuthorizationHeader) {
            retry.removeHeader(AuthorizationHeader.NAME);
        }
        retry.setHeader(credentials);
        return retry;
    }
}
