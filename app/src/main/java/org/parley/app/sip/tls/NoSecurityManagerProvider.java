package org.parley.app.sip.tls;

import gov.nist.core.net.SecurityManagerProvider;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * jain-sip's source of TLS keys and trust ({@code gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER}) for Parley's
 * stacks, which offers none. Parley's TLS comes from {@link ParleyNetworkLayer} through jain-sip's OIO message
 * processors; in jain-sip 1.3.0-91 only the NIO TLS processors, which Parley does not use, ask this provider.
 * jain-sip's default provider reads the JVM's trust store in every stack's constructor (about 140 certificates
 * parsed, ~4,000 objects kept on the heap), even for a stack without TLS.
 *
 * <p>Should a jain-sip path ever use it, an SSL context made with no key and no trust managers has no identity
 * and trusts no one: TLS fails closed rather than trusting the system store behind Parley's trust decisions.
 * Stateless; instantiated by jain-sip through its no-argument constructor.
 */
public final class NoSecurityManagerProvider implements SecurityManagerProvider {
    /** The jain-sip stack property that names the provider class. */
    public static final String PROPERTY = "gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER";

    /** For jain-sip's reflective instantiation. */
    public NoSecurityManagerProvider() {
    }

    @Override
    public void init(Properties properties) {
        // nothing to load
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        return new KeyManager[0];
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        return new TrustManager[0];
    }
}
