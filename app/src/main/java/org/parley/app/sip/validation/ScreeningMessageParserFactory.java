package org.parley.app.sip.validation;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Installs the raw screen in a jain-sip stack: set the stack property {@link #PROPERTY} to
 * {@link #CLASS_NAME} (jain-sip instantiates it by name with the public no-argument constructor). Rejected
 * requests then reach the listener marked, and {@link RequestScreen#screen} returns the raw verdict for
 * them; so the listener must run every request through a {@link RequestScreen} before processing it.
 *
 * <p>Designed for jain-sip-ri 1.3.0-91's default (OIO) transports UDP, TCP and TLS; with the NIO message
 * processor, rejections that cannot reach the listener are skipped instead of closing the connection.
 */
public final class ScreeningMessageParserFactory implements MessageParserFactory {
    /** The jain-sip stack property naming the parser factory. */
    public static final String PROPERTY = "gov.nist.javax.sip.MESSAGE_PARSER_FACTORY";
    /** The value to give {@link #PROPERTY}. */
    public static final String CLASS_NAME = ScreeningMessageParserFactory.class.getName();

    /** Called by jain-sip. */
    public ScreeningMessageParserFactory() {
    }

    /** One shared, stateless parser for every channel. */
    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return ScreeningMessageParser.INSTANCE;
    }
}
