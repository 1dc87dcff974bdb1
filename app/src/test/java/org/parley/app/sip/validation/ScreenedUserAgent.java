package org.parley.app.sip.validation;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real jain-sip stack on 127.0.0.1 (UDP and TCP on one port) with the screening parser installed and a
 * minimal user agent that answers like Parley's InboundRequests: every request goes through
 * {@link RequestScreen} first; then MESSAGE and OPTIONS get 200, CANCEL 481, anything else 405.
 */
final class ScreenedUserAgent implements SipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenedUserAgent.class);

    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final RequestScreen screen = RequestScreen.forParley();
    private final int port;
    private final Thread stopper;
    /** Call-IDs of MESSAGE requests handed to the "application". */
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();

    private ScreenedUserAgent(SipStack stack, SipProvider provider, SipFactory factory, int port) throws Exception {
        this.stack = stack;
        this.provider = provider;
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.port = port;
        this.stopper = new Thread(this::shutDown, "stop-" + stack.getStackName());
    }

    /** Starts a stack on 127.0.0.1:{@code port} (UDP and TCP), configured like Parley's SipStackHost. */
    static ScreenedUserAgent start(String name, int port) throws Exception {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(256 * 1024));
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
        p.setProperty(ScreeningMessageParserFactory.PROPERTY, ScreeningMessageParserFactory.CLASS_NAME);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack = factory.createSipStack(p);
        ListeningPoint udp = stack.createListeningPoint("127.0.0.1", port, "udp");
        ListeningPoint tcp = stack.createListeningPoint("127.0.0.1", port, "tcp");
        SipProvider provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        ScreenedUserAgent ua = new ScreenedUserAgent(stack, provider, factory, port);
        provider.addSipListener(ua);
        stack.start();
        return ua;
    }

    int port() {
        return port;
    }

    boolean delivered(String callId) {
        return delivered.contains(callId);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return;
        }
        ServerTransaction tx = null;
        try {
            tx = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            return; // a retransmission
        } catch (Exception e) {
            // jain-sip refuses transactions for e.g. an INVITE without Max-Forwards (RFC 2543) or Contact;
            // such requests are answered statelessly (RFC 3261 §8.2.7) instead of not at all.
            LOG.info("no server transaction for {} ({}); answering statelessly", method, e.getMessage());
        }
        Optional<Rejection> rejection = screen.screen(request);
        if (rejection.isPresent()) {
            respond(tx, request, rejection.get().status(), rejection.get().reason(), rejection.get().headers());
            return;
        }
        switch (method) {
            case Request.MESSAGE -> {
                delivered.add(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
                respond(tx, request, 200, null, List.of());
            }
            case Request.OPTIONS -> respond(tx, request, 200, null, allow());
            case Request.CANCEL -> respond(tx, request, 481, null, List.of());
            default -> respond(tx, request, 405, null, allow());
        }
    }

    private static List<Rejection.Header> allow() {
        return List.of(new Rejection.Header("Allow", "MESSAGE"), new Rejection.Header("Allow", "OPTIONS"));
    }

    /** Answers in {@code tx}, or statelessly when there is none. One header field per value. */
    private void respond(ServerTransaction tx, Request request, int status, String reason,
                         List<Rejection.Header> extra) {
        try {
            Response response = messages.createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null) {
                to.setTag(Long.toHexString(System.nanoTime()));
            }
            for (Rejection.Header h : extra) {
                response.addHeader(headers.createHeader(h.name(), h.value()));
            }
            if (tx != null) {
                tx.sendResponse(response);
            } else {
                provider.sendResponse(response);
            }
        } catch (Exception e) {
            LOG.info("could not answer {} with {}: {}", request.getMethod(), status, e.toString());
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        LOG.info("unexpected response reached the user agent: {}", event.getResponse().getStatusCode());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    /**
     * Stops taking requests at once and shuts the stack down on a background thread (jain-sip's teardown
     * takes about two seconds of sleeping); {@link #awaitStopped} waits for it.
     */
    @Override
    public void close() {
        provider.removeSipListener(this);
        stopper.start();
    }

    /** Listening points (ports), provider (its event thread ends with it), then the stack. */
    private void shutDown() {
        for (ListeningPoint lp : provider.getListeningPoints()) {
            try {
                stack.deleteListeningPoint(lp);
            } catch (Exception e) {
                LOG.debug("listening point cleanup", e);
            }
        }
        try {
            stack.deleteSipProvider(provider);
        } catch (Exception e) {
            LOG.debug("provider cleanup", e);
        }
        stack.stop();
    }

    /** Waits until the stack stopped after {@link #close}. */
    void awaitStopped() throws InterruptedException {
        stopper.join();
    }
}
