package org.parley.app.sip;

import gov.nist.javax.sip.ListeningPointExt;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.parley.app.Transport;
import org.parley.app.sip.tls.NoSecurityManagerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jain-sip stack with UDP and TCP (and optionally TLS) listening points on one provider.
 *
 * <p>Threading: jain-sip calls {@link SipListener} methods on its own threads; each call is handed to the
 * core executor at once and nothing else happens on the jain-sip thread. {@link #sendHeartbeat} and the
 * factories may be used from the core thread.
 */
public final class SipStackHost implements SipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipStackHost.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipStack stack;
    private final SipProvider provider;
    private final Map<Transport, ListeningPoint> points = new EnumMap<>(Transport.class);
    private final Executor core;
    private final SipEvents events;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;

    private SipStackHost(SipStack stack, SipProvider provider, Map<Transport, ListeningPoint> points,
                         Executor core, SipEvents events, SipFactory factory) throws Exception {
        this.stack = stack;
        this.provider = provider;
        this.points.putAll(points);
        this.core = core;
        this.events = events;
        this.addresses = factory.createAddressFactory();
        this.headers = factory.createHeaderFactory();
        this.messages = factory.createMessageFactory();
    }

    /**
     * Starts a stack listening on {@code bindAddress}. UDP and TCP share {@code port} (0 = pick a free one);
     * TLS, when {@code tls} is set, listens on the next port.
     *
     * @param extra additional jain-sip properties (TLS network layer, parser factory)
     * @throws IOException when the ports cannot be bound or the stack cannot start
     */
    public static SipStackHost start(String bindAddress, int port, boolean tls, Properties extra,
                                     Executor core, SipEvents events) throws IOException {
        int udpPort = port != 0 ? port : FreePorts.find(bindAddress, tls);
        Properties p = new Properties();
        // jain-sip logs under the stack name: the "jainsip." prefix lets logging configs route its chatter.
        p.setProperty("javax.sip.STACK_NAME", "jainsip.parley-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", String.valueOf(DirectUdpMessageProcessor.CHANNEL_THREADS));
        p.setProperty(ParleyMessageProcessorFactory.PROPERTY, ParleyMessageProcessorFactory.class.getName());
        // Datagrams wait in the kernel until a channel thread receives them: room for bursts (Linux caps it
        // at net.core.rmem_max).
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", String.valueOf(1024 * 1024));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(256 * 1024));
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
        // not jain-sip's default, which reads the JVM's trust store for processors Parley does not use
        p.setProperty(NoSecurityManagerProvider.PROPERTY, NoSecurityManagerProvider.class.getName());
        p.putAll(extra);
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            SipStack stack = factory.createSipStack(p);
            Map<Transport, ListeningPoint> points = new EnumMap<>(Transport.class);
            points.put(Transport.UDP, stack.createListeningPoint(bindAddress, udpPort, "udp"));
            points.put(Transport.TCP, stack.createListeningPoint(bindAddress, udpPort, "tcp"));
            if (tls) {
                points.put(Transport.TLS, stack.createListeningPoint(bindAddress, udpPort + 1, "tls"));
            }
            SipProvider provider = stack.createSipProvider(points.get(Transport.UDP));
            for (Map.Entry<Transport, ListeningPoint> e : points.entrySet()) {
                if (e.getKey() != Transport.UDP) {
                    provider.addListeningPoint(e.getValue());
                }
            }
            SipStackHost host = new SipStackHost(stack, provider, points, core, events, factory);
            provider.addSipListener(host);
            stack.start();
            LOG.info("SIP stack {} listening on {}:{} (udp, tcp{})", p.getProperty("javax.sip.STACK_NAME"),
                    bindAddress, udpPort, tls ? ", tls " + (udpPort + 1) : "");
            return host;
        } catch (Exception e) {
            throw new IOException("The SIP stack could not start on " + bindAddress + ":" + udpPort, e);
        }
    }

    public SipProvider provider() {
        return provider;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MessageFactory messages() {
        return messages;
    }

    /** The listening point for {@code transport}; TLS only exists when the stack was started with it. */
    public ListeningPoint listeningPoint(Transport transport) {
        ListeningPoint lp = points.get(transport);
        if (lp == null) {
            throw new IllegalStateException("No " + transport + " listening point");
        }
        return lp;
    }

    public boolean has(Transport transport) {
        return points.containsKey(transport);
    }

    /**
     * Sends a CRLFCRLF keep-alive on the connection to {@code host:port} (TCP/TLS).
     *
     * @throws IOException when the connection is gone and cannot be re-opened
     */
    public void sendHeartbeat(Transport transport, String host, int port) throws IOException {
        ((ListeningPointExt) listeningPoint(transport)).sendHeartbeat(host, port);
    }

    @Override
    public void processRequest(RequestEvent event) {
        core.execute(() -> events.onRequest(event));
    }

    @Override
    public void processResponse(ResponseEvent event) {
        core.execute(() -> events.onResponse(event));
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction() != null) {
            core.execute(() -> events.onTimeout(event.getClientTransaction()));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        core.execute(() -> events.onTransportError(event.getHost(), event.getPort(), event.getTransport()));
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Nothing to do: our own maps are cleaned when a final response or timeout arrives.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // No dialogs yet (pager-mode MESSAGE only).
    }

    /**
     * Stops the stack; safe to call twice. Pending transactions are abandoned. The sockets are closed before this
     * returns; jain-sip's {@code stop()} then sleeps a fixed second "to let processing complete", which runs on a
     * daemon thread so that shutting Parley down does not wait for it.
     */
    @Override
    public void close() {
        try {
            provider.removeSipListener(this);
            for (ListeningPoint lp : points.values()) {
                try {
                    stack.deleteListeningPoint(lp);
                } catch (ObjectInUseException e) {
                    LOG.debug("listening point still in use at shutdown", e);
                }
            }
            stack.deleteSipProvider(provider);
        } catch (ObjectInUseException | RuntimeException e) {
            LOG.debug("SIP provider cleanup at shutdown", e);
        }
        Thread stopper = new Thread(stack::stop, "jainsip-stop");
        stopper.setDaemon(true);
        stopper.start();
    }
}
