package org.parley.storage.crypto;

/**
 * Cost parameters of Argon2id (version 0x13) as stored in the key file.
 *
 * @param memoryKiB   memory in KiB
 * @param iterations  passes over memory
 * @param parallelism lanes
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

    /** Used for new key files: 19 MiB, 2 passes, 1 lane (OWASP minimum for Argon2id). */
    public static final Argon2Params DEFAULT = new Argon2Params(19_456, 2, 1);

    /** Upper bounds accepted when reading a key file, so a damaged file cannot make us allocate gigabytes. */
    static final int MAX_MEMORY_KIB = 1 << 21;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    /** @return true if the values are within what Parley writes and can afford to read */
    public boolean isSupported() {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB;
    }
}
