package org.parley.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File fingerprints and plaintext detection shared by the storage tests. */
public final class TestFiles {
    private TestFiles() {
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 of {@code file} once it has not changed for a second: an open profile's background checkpoint
     * (at most a quarter second after a commit) copies committed pages into the database file.
     */
    public static String settledSha256(Path file) {
        String last = sha256(file);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String now = sha256(file);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new IllegalStateException(file + " kept changing");
    }

    /** File name → SHA-256 of every regular file in {@code dir}: equal snapshots mean nothing was touched. */
    public static Map<String, String> snapshot(Path dir) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> result.put(f.getFileName().toString(), sha256(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** True if {@code data} contains {@code text} (or its lower-case form) as UTF-8, UTF-16LE or UTF-16BE. */
    public static boolean containsPlaintext(byte[] data, String text) {
        for (String form : List.of(text, text.toLowerCase(Locale.ROOT))) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                if (indexOf(data, form.getBytes(cs)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }
}
