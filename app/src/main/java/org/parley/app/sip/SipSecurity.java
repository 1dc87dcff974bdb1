package org.parley.app.sip;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.parley.app.AccountConfig;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.app.sip.tls.ParleyNetworkLayer;
import org.parley.app.sip.tls.SipStackTls;
import org.parley.app.sip.tls.TlsFailure;
import org.parley.app.sip.tls.TlsTrust;
import org.parley.app.sip.validation.RequestScreen;
import org.parley.app.sip.validation.ScreeningMessageParserFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires digest auth, TLS trust and request validation into one SIP stack.
 *
 * <p>TLS trust is per stack (jain-sip has one network layer per stack): it is the union of what the
 * profile's TLS accounts trust — each account's trust store (the first one when several differ) and every
 * pinned fingerprint. Host names are always verified against the certificate, so a pin for one server does
 * not vouch for another name. Never trust-all.
 *
 * <p>Threading: core thread only.
 */
final class SipSecurity implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipSecurity.class);

    private SipStackTls tls;

    /** jain-sip properties for the stack; sets up TLS when an account uses it. */
    Properties stackProperties(List<AccountConfig> accounts) throws IOException {
        Properties p = new Properties();
        // Every incoming octet passes RFC 4475-style screening before jain-sip's lenient parser.
        p.setProperty(ScreeningMessageParserFactory.PROPERTY, ScreeningMessageParserFactory.CLASS_NAME);
        List<AccountConfig> tlsAccounts = accounts.stream().filter(a -> a.transport() == Transport.TLS).toList();
        if (tlsAccounts.isEmpty()) {
            // Not jain-sip's default layer: its constructor sets up the JVM's default TLS context (the system
            // trust store: ~300 classes, ~140 certificates) for a stack that never uses TLS. Ours
            // refuses TLS sockets when the stack has no TLS context.
            p.setProperty(ParleyNetworkLayer.PROPERTY, ParleyNetworkLayer.class.getName());
            return p;
        }
        TlsTrust trust = TlsTrust.nothing();
        boolean haveStore = false;
        for (AccountConfig a : tlsAccounts) {
            if (a.trustStore().isPresent()) {
                if (!haveStore) {
                    trust = trust.withTrustStore(a.trustStore().get(), new char[0]);
                    haveStore = true;
                } else if (!a.trustStore().get().equals(trust.trustStore())) {
                    LOG.warn("{}: only one trust store per profile is used; {} is ignored", a.id(),
                            a.trustStore().get());
                }
            }
            if (a.pinnedSha256().isPresent()) {
                trust = trust.withPin(a.pinnedSha256().get());
            }
        }
        if (!haveStore && tlsAccounts.stream().allMatch(a -> a.pinnedSha256().isEmpty())) {
            trust = trust.withSystemDefaults(true);
        }
        try {
            tls = SipStackTls.create(trust);
        } catch (GeneralSecurityException e) {
            throw new IOException("The TLS trust store cannot be used: " + e.getMessage(), e);
        }
        return tls.applyTo(p);
    }

    /** Semantic checks of parsed requests (and the raw screen's verdict carried with them). */
    RequestGate requestGate() {
        RequestScreen screen = RequestScreen.forParley();
        return request -> screen.screen(request).map(r -> new RequestGate.Refusal(r.status(), r.reason(),
                r.headers().stream().map(h -> new String[] {h.name(), h.value()}).toArray(String[][]::new)));
    }

    Authorizer authorizer(SipStackHost host, AccountConfig account) {
        return new DigestAuthorizer(host, account.authUser(), account.password());
    }

    /** A certificate-not-trusted outcome when {@code failure} was a refused TLS certificate. */
    Optional<RegistrationState> tlsRejection(Exception failure, AccountConfig account) {
        if (tls == null || account.transport() != Transport.TLS) {
            return Optional.empty();
        }
        return TlsFailure.rejectionFor(failure, tls, account.proxyHost(), account.proxyPort())
                .map(r -> new RegistrationState.CertificateNotTrusted(r.sha256Fingerprint(), r.subject()));
    }

    @Override
    public void close() {
        if (tls != null) {
            tls.close();
        }
    }
}
