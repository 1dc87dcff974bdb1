package org.parley.app.it;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.AccountRecord;

/** Accounts added while Parley runs (the desktop's account dialog) register without a restart. */
class AccountReloadTest {

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;

    @Test
    void anAccountAddedWhileRunningRegistersAfterReload() throws Exception {
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP)
                .startAndAwaitRegistered()) {
            String carol = "sip:carol@" + kamailio.domain();
            alice.profile.accounts().save(new AccountRecord(carol, "carol", "carolpw",
                    kamailio.host() + ":" + kamailio.tlsPort(), "TLS", 300,
                    kamailio.certificatePemPath().toString(), null));
            alice.core.reloadAccounts();
            await().atMost(TestUser.WAIT).until(() ->
                    alice.core.registrationState(carol) instanceof RegistrationState.Registered
                            && alice.core.registrationState(alice.aor) instanceof RegistrationState.Registered);
        }
    }
}
