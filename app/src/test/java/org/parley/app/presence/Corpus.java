package org.parley.app.presence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test vectors under {@code src/test/resources/presence/}. */
final class Corpus {
    private Corpus() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Corpus.class.getResourceAsStream("/presence/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
