/**
 * Validation of incoming SIP beyond what jain-sip checks (RFC 4475 torture tests).
 *
 * <p>Two screens, both stateless, thread-safe and never throwing:
 * <ul>
 *   <li>{@link org.parley.app.sip.validation.RawMessageScreen} judges the octets of one datagram or one
 *       stream message's header section; it runs on jain-sip's transport threads, installed with
 *       {@link org.parley.app.sip.validation.ScreeningMessageParserFactory}
 *       (stack property {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}).
 *   <li>{@link org.parley.app.sip.validation.RequestScreen} judges a parsed request on the core thread
 *       before the user agent processes it, and hands back the raw screen's verdict for requests the
 *       transport layer let through only so that they can be answered.
 * </ul>
 * Why the work is split that way: {@code docs/decisions/0002-incoming-validation.md}.
 */
package org.parley.app.sip.validation;
