package org.parley.app.sip.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * The screens never throw, whatever the input: every truncation of every corpus file, seeded random
 * mutations of them, random bytes; and pathological inputs at the size cap finish quickly (linear time).
 */
class ScreenRobustnessTest {
    private static final long SEED = 4475L;
    private static final int MUTANTS_PER_FILE = 400;
    private static final byte[] SPICE = " \t\r\n:;,\"<>@%\\/?=*[]\u0000\u00ff0123456789".getBytes(StandardCharsets.ISO_8859_1);

    private final RequestScreen requestScreen = RequestScreen.forParley();

    @Test
    void everyTruncationOfEveryFile() {
        for (TortureCorpus.Entry e : TortureCorpus.entries()) {
            byte[] b = e.bytes();
            for (int len = 0; len <= b.length; len++) {
                check(Arrays.copyOf(b, len));
            }
        }
    }

    @Test
    void seededMutations() {
        Random random = new Random(SEED);
        for (TortureCorpus.Entry e : TortureCorpus.entries()) {
            byte[] original = e.bytes();
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                check(mutate(original, random));
            }
        }
    }

    @Test
    void randomBytes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2_000; i++) {
            byte[] b = new byte[random.nextInt(600)];
            random.nextBytes(b);
            if (i % 2 == 0 && b.length > 8) {
                System.arraycopy("SIP/2.0 ".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 8);
            }
            check(b);
        }
    }

    @Test
    void pathologicalInputsAtTheCapAreFast() {
        String[] fillers = {";", "\"", "<", " ", ",", "a:", "\r\n ", "\r\nX: y", "%", "\\", "@"};
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String filler : fillers) {
                for (String prefix : new String[] {"OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h", "INVITE ",
                                                   "OPTIONS sip:a@b SIP/2.0\r\nTo: \"", "SIP/2.0 200 OK\r\nContact: "}) {
                    StringBuilder b = new StringBuilder(prefix);
                    while (b.length() < RawMessageScreen.MAX_INPUT_BYTES - 8) {
                        b.append(filler);
                    }
                    byte[] bytes = b.append("\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
                    for (Framing f : Framing.values()) {
                        assertThat(RawMessageScreen.judge(bytes, RawMessageScreen.Kind.of(bytes), f)).isNotNull();
                    }
                }
            }
        });
    }

    /**
     * Behaves like jain-sip's UDP channel towards the parser: a fault in a core header is fatal, others are
     * recorded as unparsed (so the hook runs its datagram path, minus the socket).
     */
    private static final Set<Class<?>> CORE = Set.of(From.class, To.class, CSeq.class, Via.class, CallID.class,
            ContentLength.class, RequestLine.class, StatusLine.class);
    private static final ParseExceptionListener DATAGRAM_LIKE = (ex, message, headerClass, header, text) -> {
        if (headerClass == null || message == null || CORE.contains(headerClass)) {
            throw ex;
        }
        message.addUnparsed(header);
    };

    /** Screens {@code b} both ways and through the parser hook; only ParseException may escape the hook. */
    private void check(byte[] b) {
        for (Framing f : Framing.values()) {
            // judge() is screen() without its catch-all: a RuntimeException here is a bug in the grammar code
            assertThat(RawMessageScreen.judge(b, RawMessageScreen.Kind.of(b), f)).isNotNull();
            assertThat(RawMessageScreen.screen(b, f)).isNotNull();
        }
        // datagram path (readBody, a listener) and the NIO stream path (header section, no listener)
        hook(b, true, DATAGRAM_LIKE);
        hook(b, false, null);
    }

    private void hook(byte[] b, boolean readBody, ParseExceptionListener listener) {
        try {
            SIPMessage m = ScreeningMessageParser.INSTANCE.parseSIPMessage(b, readBody, false, listener);
            if (m instanceof Request r) {
                assertThat(requestScreen.screen(r)).isNotNull();
            }
        } catch (ParseException expected) {
            // jain-sip's way of refusing; fine
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int k = 0; k < edits && b.length > 0; k++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = SPICE[random.nextInt(SPICE.length)];
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b = splice(b, at, new byte[] {SPICE[random.nextInt(SPICE.length)]}, 0);
                case 3 -> b = splice(b, at, new byte[0], Math.min(b.length - at, 1 + random.nextInt(8)));
                default -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(40));
                    b = splice(b, random.nextInt(b.length), Arrays.copyOfRange(b, at, at + len), 0);
                }
            }
        }
        return b;
    }

    /** {@code b} with {@code remove} octets at {@code at} replaced by {@code insert}. */
    private static byte[] splice(byte[] b, int at, byte[] insert, int remove) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
