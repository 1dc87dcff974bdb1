package org.parley.app.sip.tls;

import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and self-signed certificate of Parley's own TLS listening point. jain-sip needs a TLS listening
 * point to send over TLS at all, and its server socket needs a key; Parley does not expect inbound TLS
 * (servers send requests back over Parley's own outgoing connection), so the identity is a throw-away
 * EC P-256 key made once per JVM, never stored, and nobody is expected to trust it.
 *
 * <p>Thread-safe: created lazily once (class holder idiom), immutable afterwards.
 */
final class EphemeralServerIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(EphemeralServerIdentity.class);

    private EphemeralServerIdentity() {
    }

    private static final class Holder {
        static final KeyManager[] KEY_MANAGERS = create();
    }

    /** Key managers holding the ephemeral key; the same instances for every stack in this JVM. */
    static KeyManager[] keyManagers() {
        return Holder.KEY_MANAGERS.clone();
    }

    private static KeyManager[] create() {
        try {
            SelfSigned identity = SelfSigned.create("Parley ephemeral SIP listener", Duration.ofDays(3650));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(identity.keys(), identity.password());
            LOG.debug("Ephemeral TLS listener certificate SHA-256 {}", Fingerprints.sha256(identity.certificate()));
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the ephemeral TLS listener key", e);
        }
    }
}
