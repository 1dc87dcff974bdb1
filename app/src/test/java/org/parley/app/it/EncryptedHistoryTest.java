package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;

/** After a real conversation, no file of either profile holds the text or the SIP password in the clear. */
class EncryptedHistoryTest {

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;

    @Test
    void profileFilesHoldNoPlaintextWhileOpenAndAfterClose() throws Exception {
        String secret = "Quarterly numbers: ACME-7731-CONFIDENTIAL";
        try (TestUser alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.UDP).startAndAwaitRegistered();
             TestUser bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered()) {
            alice.core.send(null, bob.aor, secret).get();
            bob.awaitEvent(ParleyEvent.MessageReceived.class, e -> e.text().equals(secret));
            // While open, a WAL (if the store keeps one) holds the newest pages: every file is checked.
            assertNoPlaintext(dir, secret, "alicepw", "bobpw");
        }
        assertNoPlaintext(dir, secret, "alicepw", "bobpw");
    }

    private static void assertNoPlaintext(Path root, String... needles) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("history.db");
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (String needle : needles) {
                assertThat(indexOf(bytes, needle.getBytes(StandardCharsets.UTF_8))).as(f + " contains " + needle)
                        .isEqualTo(-1);
                assertThat(indexOf(bytes, needle.getBytes(StandardCharsets.UTF_16LE))).as(f + " (UTF-16)")
                        .isEqualTo(-1);
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
