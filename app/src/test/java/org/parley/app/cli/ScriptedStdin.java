package org.parley.app.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Stdin a test feeds line by line while the command runs; {@link #close()} is end of input. */
final class ScriptedStdin extends InputStream {
    private static final byte[] EOF = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] chunk;
    private int position;

    void line(String text) {
        chunks.add((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void raw(byte[] bytes) {
        chunks.add(bytes.clone());
    }

    @Override
    public void close() {
        chunks.add(EOF);
    }

    @Override
    public int read() {
        while (chunk == null || position == chunk.length) {
            if (chunk == EOF) {
                return -1;
            }
            try {
                chunk = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            if (chunk == EOF) {
                chunks.add(EOF);
                return -1;
            }
        }
        return chunk[position++] & 0xff;
    }

    /** Like a pipe: blocks for the first byte only, then returns what has already arrived. */
    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first < 0) {
            return -1;
        }
        buffer[offset] = (byte) first;
        int n = Math.min(length - 1, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset + 1, n);
        position += n;
        return n + 1;
    }
}
