package org.parley.app.sip.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The RFC 4475 torture messages in the test resources {@code /rfc4475/} (see PROVENANCE.md there), with
 * INDEX.tsv. Every file is checked against the size and SHA-256 in the index when read.
 */
final class TortureCorpus {

    /** One INDEX.tsv row. */
    record Entry(String file, String section, String title, String verdict, String handling, int size,
                 String sha256) {
        byte[] bytes() {
            byte[] b = read(file);
            if (b.length != size || !TortureCorpus.sha256(b).equals(sha256)) {
                throw new IllegalStateException(file + " does not match INDEX.tsv (line endings converted?)");
            }
            return b;
        }

        boolean isResponse() {
            return bytes()[0] == 'S' && new String(bytes(), 0, 4, StandardCharsets.US_ASCII).equals("SIP/");
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static final int SIZE = 50;

    private TortureCorpus() {
    }

    static List<Entry> entries() {
        String index = new String(read("INDEX.tsv"), StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (String line : index.split("\n")) {
            if (line.isBlank() || line.startsWith("file\t")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            out.add(new Entry(c[0], c[1], c[2], c[3], c[4], Integer.parseInt(c[5].strip()), c[6].strip()));
        }
        if (out.size() != SIZE) {
            throw new IllegalStateException("INDEX.tsv lists " + out.size() + " files, expected " + SIZE);
        }
        return out;
    }

    /** A file under /rfc4475/ on the test class path. */
    static byte[] read(String name) {
        try (InputStream in = TortureCorpus.class.getResourceAsStream("/rfc4475/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /rfc4475/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What jain-sip's stream parser hands over: everything through the first empty line (or all of it). */
    static byte[] headerSection(byte[] message) {
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return Arrays.copyOf(message, i + 4);
            }
        }
        return message.clone();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
