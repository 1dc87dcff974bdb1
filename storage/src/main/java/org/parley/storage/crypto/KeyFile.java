package org.parley.storage.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.parley.storage.CorruptProfileException;
import org.parley.storage.NotAProfileException;
import org.parley.storage.StorageException;
import org.parley.storage.UnsupportedProfileException;

/**
 * The key file: Argon2id parameters, salt, GCM nonce and the wrapped database key. Immutable; accessors return
 * copies. Layout (big-endian), version 1:
 * <pre>
 *   "PARLEYKF"  magic (8)          u16 format version       u8 kdf (1 = Argon2id)   u8 Argon2 version (0x13)
 *   u32 memory KiB   u32 iterations   u32 parallelism
 *   u8 salt length, salt            u8 wrap (1 = AES-256-GCM)   u8 nonce length, nonce
 *   u16 wrapped length, wrapped key + tag
 *   u32 CRC-32 of all preceding bytes
 * </pre>
 * Everything before the wrapped key is the GCM associated data, so altering parameters breaks the tag. The
 * CRC separates accidental damage ({@link CorruptProfileException}) from a wrong passphrase.
 */
public final class KeyFile {
    /** Key files are tiny; anything larger is not ours and is not read further. */
    static final int MAX_BYTES = 1024;
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "PARLEYKF".getBytes(StandardCharsets.US_ASCII);
    private static final int KDF_ARGON2ID = 1;
    private static final int ARGON2_VERSION = 0x13;
    private static final int WRAP_AES256_GCM = 1;
    private static final String DAMAGED = "The profile key file is damaged.";

    private final Argon2Params params;
    private final byte[] salt;
    private final byte[] nonce;
    private final byte[] wrappedKey;

    public KeyFile(Argon2Params params, byte[] salt, byte[] nonce, byte[] wrappedKey) {
        this.params = params;
        this.salt = salt.clone();
        this.nonce = nonce.clone();
        this.wrappedKey = wrappedKey.clone();
    }

    public Argon2Params params() {
        return params;
    }

    public byte[] salt() {
        return salt.clone();
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** The authenticated header of this file (GCM associated data). */
    public byte[] header() {
        return header(params, salt, nonce);
    }

    static byte[] header(Argon2Params params, byte[] salt, byte[] nonce) {
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + 2 + 12 + 1 + salt.length + 2 + nonce.length);
        b.put(MAGIC).putShort((short) FORMAT_VERSION).put((byte) KDF_ARGON2ID).put((byte) ARGON2_VERSION);
        b.putInt(params.memoryKiB()).putInt(params.iterations()).putInt(params.parallelism());
        b.put((byte) salt.length).put(salt);
        b.put((byte) WRAP_AES256_GCM).put((byte) nonce.length).put(nonce);
        return b.array();
    }

    public byte[] encode() {
        byte[] header = header();
        ByteBuffer b = ByteBuffer.allocate(header.length + 2 + wrappedKey.length + 4);
        b.put(header).putShort((short) wrappedKey.length).put(wrappedKey);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * @throws NotAProfileException         if the magic is missing (a file Parley did not write)
     * @throws UnsupportedProfileException  for a newer format version
     * @throws CorruptProfileException      if the file is truncated, fails its checksum or holds absurd values
     */
    public static KeyFile decode(byte[] bytes) throws StorageException {
        if (bytes.length < MAGIC.length + 2 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new NotAProfileException();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(MAGIC.length);
        if (Short.toUnsignedInt(b.getShort()) != FORMAT_VERSION) {
            throw new UnsupportedProfileException();
        }
        try {
            if (b.get() != KDF_ARGON2ID || b.get() != ARGON2_VERSION) {
                throw new CorruptProfileException(DAMAGED);
            }
            Argon2Params params = new Argon2Params(b.getInt(), b.getInt(), b.getInt());
            byte[] salt = new byte[Byte.toUnsignedInt(b.get())];
            b.get(salt);
            if (b.get() != WRAP_AES256_GCM) {
                throw new CorruptProfileException(DAMAGED);
            }
            byte[] nonce = new byte[Byte.toUnsignedInt(b.get())];
            b.get(nonce);
            byte[] wrapped = new byte[Short.toUnsignedInt(b.getShort())];
            b.get(wrapped);
            int end = b.position();
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, end);
            if (b.getInt() != (int) crc.getValue() || b.hasRemaining()) {
                throw new CorruptProfileException(DAMAGED);
            }
            if (!params.isSupported() || salt.length != Argon2KeyWrap.SALT_BYTES
                    || nonce.length != Argon2KeyWrap.NONCE_BYTES || wrapped.length != Argon2KeyWrap.KEY_BYTES + 16) {
                throw new CorruptProfileException(DAMAGED);
            }
            return new KeyFile(params, salt, nonce, wrapped);
        } catch (BufferUnderflowException e) {
            throw new CorruptProfileException(DAMAGED, e);
        }
    }

    /** Reads and decodes {@code file}; a missing file or a directory gives {@link NotAProfileException}. */
    public static KeyFile read(Path file) throws StorageException {
        return decode(readBounded(file));
    }

    /** @return true if {@code file} is a regular file that starts with the key file magic */
    public static boolean hasMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] readBounded(Path file) throws StorageException {
        if (!Files.isRegularFile(file)) {
            throw new NotAProfileException();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new NotAProfileException();
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new NotAProfileException();
        } catch (IOException e) {
            throw new StorageException("The profile key file cannot be read.", e);
        }
    }
}
