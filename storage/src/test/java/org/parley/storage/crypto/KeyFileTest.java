package org.parley.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.CorruptProfileException;
import org.parley.storage.NotAProfileException;
import org.parley.storage.UnsupportedProfileException;
import org.parley.storage.WrongPassphraseException;

class KeyFileTest {
    static final char[] PASSPHRASE = "Grüße, 密码".toCharArray();
    static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    @TempDir
    Path tmp;

    @Test
    void wrapEncodeDecodeUnwrapRoundTrip() throws Exception {
        KeyFile file = Argon2KeyWrap.wrap(KEY, PASSPHRASE, Argon2Params.DEFAULT, new SecureRandom());
        KeyFile decoded = KeyFile.decode(file.encode());
        assertThat(decoded.params()).isEqualTo(Argon2Params.DEFAULT);
        assertThat(Argon2KeyWrap.unwrap(decoded, PASSPHRASE.clone())).isEqualTo(KEY);
        assertThat(file.wrappedKey()).hasSize(48).isNotEqualTo(Arrays.copyOf(KEY, 48));
    }

    @Test
    void defaultsMeetTheMinimum() {
        assertThat(Argon2Params.DEFAULT.memoryKiB()).isGreaterThanOrEqualTo(19_456);
        assertThat(Argon2Params.DEFAULT.iterations()).isGreaterThanOrEqualTo(2);
        assertThat(Argon2Params.DEFAULT.parallelism()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void wrongPassphraseFailsTheTag() {
        KeyFile file = Argon2KeyWrap.wrap(KEY, PASSPHRASE, Argon2Params.DEFAULT, new SecureRandom());
        assertThatThrownBy(() -> Argon2KeyWrap.unwrap(file, "Grüße, 密".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void theHeaderIsAuthenticated() throws Exception {
        byte[] bytes = Argon2KeyWrap.wrap(KEY, PASSPHRASE, new Argon2Params(1024, 1, 1), new SecureRandom()).encode();
        bytes[15] ^= 1; // low byte of memory KiB (offset 12..15): 1024 -> 1025, a valid value
        fixCrc(bytes);
        KeyFile altered = KeyFile.decode(bytes);
        assertThat(altered.params().memoryKiB()).isEqualTo(1025);
        assertThatThrownBy(() -> Argon2KeyWrap.unwrap(altered, PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void accidentalDamageIsCorruptionNotAWrongPassphrase() throws Exception {
        byte[] bytes = Argon2KeyWrap.wrap(KEY, PASSPHRASE, Argon2Params.DEFAULT, new SecureRandom()).encode();
        byte[] flipped = bytes.clone();
        flipped[bytes.length - 10] ^= 0x40;
        assertThatThrownBy(() -> KeyFile.decode(flipped)).isInstanceOf(CorruptProfileException.class)
                .hasMessage("The profile key file is damaged.");
        assertThatThrownBy(() -> KeyFile.decode(Arrays.copyOf(bytes, 40))).isInstanceOf(CorruptProfileException.class);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> KeyFile.decode(longer)).isInstanceOf(CorruptProfileException.class);
    }

    @Test
    void absurdParametersAreRejectedBeforeDerivation() {
        byte[] bytes = Argon2KeyWrap.wrap(KEY, PASSPHRASE, Argon2Params.DEFAULT, new SecureRandom()).encode();
        ByteBuffer.wrap(bytes).putInt(12, Integer.MAX_VALUE); // memory KiB
        fixCrc(bytes);
        assertThatThrownBy(() -> KeyFile.decode(bytes)).isInstanceOf(CorruptProfileException.class);
    }

    @Test
    void foreignAndNewerFilesAreRecognised(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> KeyFile.decode("-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(NotAProfileException.class);
        assertThatThrownBy(() -> KeyFile.decode(new byte[0])).isInstanceOf(NotAProfileException.class);

        byte[] newer = Argon2KeyWrap.wrap(KEY, PASSPHRASE, Argon2Params.DEFAULT, new SecureRandom()).encode();
        newer[9] = 2;
        assertThatThrownBy(() -> KeyFile.decode(newer)).isInstanceOf(UnsupportedProfileException.class);

        Path big = dir.resolve("big.key");
        byte[] content = new byte[KeyFile.MAX_BYTES + 10];
        System.arraycopy("PARLEYKF".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 8);
        Files.write(big, content);
        assertThatThrownBy(() -> KeyFile.read(big)).isInstanceOf(NotAProfileException.class);
        assertThatThrownBy(() -> KeyFile.read(dir.resolve("absent"))).isInstanceOf(NotAProfileException.class);
    }

    @Test
    void replaceIsAtomicAndOwnerOnly() throws Exception {
        Path target = tmp.resolve("profile.key");
        PrivateFiles.writeNew(target, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> PrivateFiles.writeNew(target, new byte[] {9}))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        PrivateFiles.replace(target, new byte[] {4, 5});
        assertThat(Files.readAllBytes(target)).containsExactly(4, 5);
        assertThat(tmp.resolve("profile.key.tmp")).doesNotExist();
        if (PrivateFiles.isPosix(target)) {
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PrivateFiles.FILE_MODE);
        }
    }

    @Test
    void passphraseBytesAreUtf8() {
        assertThat(Secrets.utf8(PASSPHRASE)).isEqualTo(new String(PASSPHRASE).getBytes(StandardCharsets.UTF_8));
        assertThat(Secrets.utf8(new char[0])).isEmpty();
    }

    private static void fixCrc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    }
}
