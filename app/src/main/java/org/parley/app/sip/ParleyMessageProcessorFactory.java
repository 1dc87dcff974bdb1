package org.parley.app.sip;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import javax.sip.ListeningPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's message processors ({@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}), with
 * {@link DirectUdpMessageProcessor} for UDP; TCP and TLS are jain-sip's own.
 *
 * <p>jain-sip's factory also sets the stack's package-private {@code udpFlag}, which makes responses and
 * requests leave from the listening socket (so that the proxy's rport and NAT handling see our port). It is
 * set here by reflection on the pinned jain-sip version; if that ever fails, UDP falls back to jain-sip's
 * stock processor rather than sending from an ephemeral port. Stateless; instantiated by jain-sip.
 */
public final class ParleyMessageProcessorFactory implements MessageProcessorFactory {
    public static final String PROPERTY = "gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY";
    private static final Logger LOG = LoggerFactory.getLogger(ParleyMessageProcessorFactory.class);

    private final MessageProcessorFactory stock = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        if (!ListeningPoint.UDP.equalsIgnoreCase(transport) || !sendFromListeningSocket(stack)) {
            return stock.createMessageProcessor(stack, address, port, transport);
        }
        return new DirectUdpMessageProcessor(address, stack, port);
    }

    private static boolean sendFromListeningSocket(SIPTransactionStack stack) {
        try {
            Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(stack, true);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("jain-sip's udpFlag cannot be set; using its stock UDP processor", e);
            return false;
        }
    }
}
