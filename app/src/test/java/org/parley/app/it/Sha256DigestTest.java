package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;

/** RFC 8760: a server that challenges with SHA-256 digest. */
class Sha256DigestTest {

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.sha256();

    @TempDir
    Path dir;

    @Test
    void registersAndChatsWithSha256Digest() throws Exception {
        assertThat(kamailio.algorithm()).isEqualTo("SHA-256");
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.TCP).startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.TCP).startAndAwaitRegistered()) {
            alice.core.send(null, bob.aor, "hashed twice").get();
            bob.awaitEvent(ParleyEvent.MessageReceived.class, e -> e.text().equals("hashed twice"));
        }
    }
}
