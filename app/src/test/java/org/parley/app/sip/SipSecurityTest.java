package org.parley.app.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.parley.app.AccountConfig;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.app.dial.DialPlan;
import org.parley.app.sip.tls.ParleyNetworkLayer;
import org.parley.app.sip.tls.SipStackTls;

class SipSecurityTest {
    private static AccountConfig account(Transport transport) {
        return new AccountConfig(SipAddress.parse("sip:alice@example.com"), "alice", "pw", "example.com",
                transport.defaultPort(), transport, 600, Optional.empty(), Optional.empty(), DialPlan.NONE);
    }

    @Test
    void aStackWithoutTlsAccountsUsesParleysNetworkLayerWithoutATlsContext() throws Exception {
        try (SipSecurity security = new SipSecurity()) {
            Properties p = security.stackProperties(List.of(account(Transport.UDP), account(Transport.TCP)));

            // jain-sip's default layer would set up the JVM's default TLS context and system trust store
            assertThat(p.getProperty(ParleyNetworkLayer.PROPERTY)).isEqualTo(ParleyNetworkLayer.class.getName());
            assertThat(p.getProperty(SipStackTls.CONTEXT_PROPERTY)).isNull();
        }
    }

    @Test
    void aStackWithATlsAccountGetsItsTlsContext() throws Exception {
        try (SipSecurity security = new SipSecurity()) {
            Properties p = security.stackProperties(List.of(account(Transport.UDP), account(Transport.TLS)));

            assertThat(p.getProperty(ParleyNetworkLayer.PROPERTY)).isEqualTo(ParleyNetworkLayer.class.getName());
            assertThat(p.getProperty(SipStackTls.CONTEXT_PROPERTY)).isNotBlank();
        }
    }
}
