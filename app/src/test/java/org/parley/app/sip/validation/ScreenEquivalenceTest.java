package org.parley.app.sip.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The raw screen gives exactly the verdicts (kind, status and reason) recorded in
 * {@code /screen/verdicts.tsv}, which were taken from the screen before it was rewritten for speed (tree at
 * ba5f0e6): every RFC 4475 message and ~30 deterministic mutations of each (LF line ends, truncations, byte
 * substitutions, deletions, doubled lines), as a datagram and as a stream header section. To record the file
 * again after an intended change of verdicts: {@code -Dscreen.golden.write=/path/verdicts.tsv}.
 */
class ScreenEquivalenceTest {
    private static final byte[] INTERESTING = {' ', '\t', '\r', '\n', ':', ';', '"', '<', '>', ',', 'a', '0', 0,
        (byte) 0xff, '@', '=', '\\', '[', '%', '-'};
    private static final int MUTATIONS = 24;

    @Test
    void verdictsAreUnchangedOnTheCorpusAndItsMutations() throws IOException {
        List<String> actual = verdicts();
        String write = System.getProperty("screen.golden.write");
        if (write != null) {
            Files.write(Path.of(write), actual, StandardCharsets.UTF_8);
        }
        List<String> expected = golden();
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
        }
    }

    static List<String> verdicts() {
        List<String> out = new ArrayList<>();
        for (TortureCorpus.Entry e : TortureCorpus.entries()) {
            byte[] message = e.bytes();
            List<byte[]> inputs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            inputs.add(message);
            names.add("original");
            inputs.add(new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            names.add("lf");
            for (int k = 1; k <= 3; k++) {
                inputs.add(Arrays.copyOf(message, message.length * k / 4));
                names.add("cut" + k);
            }
            Random random = new Random(e.file().hashCode());
            for (int m = 0; m < MUTATIONS; m++) {
                inputs.add(mutate(message, random));
                names.add("mut" + m);
            }
            for (int i = 0; i < inputs.size(); i++) {
                byte[] in = inputs.get(i);
                out.add(e.file() + "\t" + names.get(i) + "\tdatagram\t"
                        + describe(RawMessageScreen.screen(in, Framing.DATAGRAM)));
                out.add(e.file() + "\t" + names.get(i) + "\tstream\t"
                        + describe(RawMessageScreen.screen(TortureCorpus.headerSection(in), Framing.STREAM)));
            }
        }
        return out;
    }

    private static byte[] mutate(byte[] message, Random random) {
        if (message.length < 2) {
            return message.clone();
        }
        int at = random.nextInt(message.length);
        switch (random.nextInt(3)) {
            case 0 -> {
                byte[] b = message.clone();
                b[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                return b;
            }
            case 1 -> {
                byte[] b = new byte[message.length - 1];
                System.arraycopy(message, 0, b, 0, at);
                System.arraycopy(message, at + 1, b, at, message.length - at - 1);
                return b;
            }
            default -> {
                String s = new String(message, StandardCharsets.ISO_8859_1);
                int start = s.lastIndexOf('\n', at) + 1;
                int end = s.indexOf('\n', at);
                end = end < 0 ? s.length() : end + 1;
                return (s.substring(0, end) + s.substring(start, end) + s.substring(end))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static String describe(Verdict v) {
        if (v instanceof Verdict.Reject r) {
            return "reject\t" + r.status() + "\t" + r.reason();
        }
        if (v instanceof Verdict.Drop d) {
            return "drop\t\t" + d.why();
        }
        if (v instanceof Verdict.Close c) {
            return "close\t\t" + c.why();
        }
        return "accept\t\t";
    }

    private static List<String> golden() {
        try (InputStream in = ScreenEquivalenceTest.class.getResourceAsStream("/screen/verdicts.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /screen/verdicts.tsv");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
