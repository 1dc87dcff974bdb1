package org.parley.app.sip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.app.sip.auth.AuthOutcome;
import org.parley.app.sip.auth.ChallengeDecision;
import org.parley.app.sip.auth.DigestAuthorization;
import org.parley.app.sip.auth.DigestChallenge;
import org.parley.app.sip.auth.DigestCredentials;
import org.parley.app.sip.auth.DigestResponder;
import org.parley.app.sip.auth.DigestScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Authorizer} over Parley's own digest code (MD5 and SHA-256, qop=auth with nonce counting, stale
 * nonces). REGISTER reuses the registrar's nonce, other requests the proxy's, to save a round trip.
 * Core thread only.
 */
public final class DigestAuthorizer implements Authorizer {
    private static final Logger LOG = LoggerFactory.getLogger(DigestAuthorizer.class);

    private final SipStackHost host;
    private final DigestResponder responder;

    public DigestAuthorizer(SipStackHost host, String authUser, String password) {
        this.host = host;
        this.responder = new DigestResponder(new DigestCredentials(authUser, password));
    }

    @Override
    public Optional<Header> answer(Request request, Response challenge, boolean alreadyAnswered) {
        DigestScope scope = DigestScope.forStatus(challenge.getStatusCode());
        List<String> values = new ArrayList<>();
        ListIterator<?> it = challenge.getHeaders(scope.challengeHeader());
        while (it.hasNext()) {
            String h = it.next().toString();
            int colon = h.indexOf(':');
            values.add((colon >= 0 ? h.substring(colon + 1) : h).trim());
        }
        Optional<DigestChallenge> best = DigestChallenge.best(values);
        if (best.isEmpty()) {
            LOG.warn("no digest challenge Parley can answer in {} {}", challenge.getStatusCode(), values);
            return Optional.empty();
        }
        ChallengeDecision decision = AuthOutcome.decide(alreadyAnswered, best.get());
        if (decision != ChallengeDecision.RETRY) {
            return Optional.empty();
        }
        DigestAuthorization auth = responder.answer(scope, best.get(), request.getMethod(),
                request.getRequestURI().toString(), request.getRawContent());
        return header(auth);
    }

    @Override
    public Optional<Header> preemptive(Request request) {
        DigestScope scope = Request.REGISTER.equals(request.getMethod()) ? DigestScope.SERVER : DigestScope.PROXY;
        return responder.authorizationFor(scope, request.getMethod(), request.getRequestURI().toString(),
                request.getRawContent()).flatMap(this::header);
    }

    private Optional<Header> header(DigestAuthorization auth) {
        try {
            return Optional.of(host.headers().createHeader(auth.headerName(), auth.value()));
        } catch (ParseException e) {
            LOG.error("cannot build {} header", auth.headerName(), e);
            return Optional.empty();
        }
    }
}
