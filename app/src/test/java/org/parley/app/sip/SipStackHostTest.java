package org.parley.app.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.core.net.SecurityManagerProvider;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.parley.app.sip.tls.NoSecurityManagerProvider;
import org.parley.app.testsupport.sip.ClientStack;

class SipStackHostTest {
    @Test
    void aStackDoesNotLoadTheJvmTrustStoreForJainSipsUnusedTlsProcessors() throws Exception {
        try (ClientStack client = new ClientStack()) {
            Field field = SIPTransactionStack.class.getDeclaredField("securityManagerProvider");
            field.setAccessible(true);
            SecurityManagerProvider provider = (SecurityManagerProvider) field.get(client.host().provider().getSipStack());

            // jain-sip's DefaultSecurityManagerProvider would have parsed the system trust store in the constructor
            assertThat(provider).isInstanceOf(NoSecurityManagerProvider.class);
            // and should anything ask it, it offers no identity and no trust (TLS fails closed)
            assertThat(provider.getTrustManagers(true)).isEmpty();
            assertThat(provider.getKeyManagers(false)).isEmpty();
        }
    }
}
