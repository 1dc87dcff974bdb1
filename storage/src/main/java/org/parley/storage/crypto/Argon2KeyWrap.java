package org.parley.storage.crypto;

import java.security.SecureRandom;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.parley.storage.WrongPassphraseException;

/**
 * Wraps the 256-bit database key under a passphrase: KEK = Argon2id(passphrase, salt, params);
 * key file body = AES-256-GCM(KEK, nonce, aad = key file header, database key).
 *
 * <p>Stateless and thread-safe. Every call takes tens of milliseconds (Argon2id); do not call on the UI thread.
 * Key material made here (KEK, UTF-8 passphrase) is wiped before returning; the returned database key
 * belongs to the caller, who must wipe it.
 */
public final class Argon2KeyWrap {
    public static final int KEY_BYTES = 32;
    public static final int SALT_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Argon2KeyWrap() {
    }

    /** Wraps {@code databaseKey} (not modified) with a fresh salt and nonce. */
    public static KeyFile wrap(byte[] databaseKey, char[] passphrase, Argon2Params params, SecureRandom random) {
        if (databaseKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("database key must be " + KEY_BYTES + " bytes");
        }
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] aad = KeyFile.header(params, salt, nonce);
        byte[] kek = deriveKek(passphrase, params, salt);
        try {
            return new KeyFile(params, salt, nonce, gcm(true, kek, nonce, aad, databaseKey));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Secrets.wipe(kek);
        }
    }

    /**
     * @return the database key (caller wipes it)
     * @throws WrongPassphraseException if the GCM tag does not verify: a wrong passphrase, or a key file whose
     *                                  authenticated header was altered
     */
    public static byte[] unwrap(KeyFile file, char[] passphrase) throws WrongPassphraseException {
        byte[] kek = deriveKek(passphrase, file.params(), file.salt());
        try {
            byte[] key = gcm(false, kek, file.nonce(), file.header(), file.wrappedKey());
            if (key.length != KEY_BYTES) {
                Secrets.wipe(key);
                throw new WrongPassphraseException();
            }
            return key;
        } catch (InvalidCipherTextException e) {
            throw new WrongPassphraseException();
        } finally {
            Secrets.wipe(kek);
        }
    }

    static byte[] deriveKek(char[] passphrase, Argon2Params params, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] password = Secrets.utf8(passphrase);
        byte[] kek = new byte[KEY_BYTES];
        try {
            generator.generateBytes(password, kek);
            return kek;
        } finally {
            Secrets.wipe(password);
            parameters.clear();
        }
    }

    private static byte[] gcm(boolean encrypt, byte[] kek, byte[] nonce, byte[] aad, byte[] input)
            throws InvalidCipherTextException {
        KeyParameter keyParameter = new KeyParameter(kek);
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        try {
            cipher.init(encrypt, new AEADParameters(keyParameter, TAG_BITS, nonce, aad));
            byte[] out = new byte[cipher.getOutputSize(input.length)];
            int n = cipher.processBytes(input, 0, input.length, out, 0);
            try {
                n += cipher.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                Secrets.wipe(out);
                throw e;
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        } finally {
            Secrets.wipe(keyParameter.getKey());
        }
    }
}
