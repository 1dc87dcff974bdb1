package org.parley.app.sip;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.parley.app.AccountConfig;
import org.parley.app.RegistrationState;

/** Wires digest auth, TLS trust and request validation into the SIP stack. */
final class SipSecurity {

    Properties stackProperties(List<AccountConfig> accounts) {
        return new Properties();
    }

    RequestGate requestGate() {
        return RequestGate.OPEN;
    }

    Authorizer authorizer(SipStackHost host, AccountConfig account) {
        return new DigestAuthorizer(host, account.authUser(), account.password());
    }

    Optional<RegistrationState> tlsRejection(Exception e, AccountConfig account) {
        return Optional.empty();
    }
}
