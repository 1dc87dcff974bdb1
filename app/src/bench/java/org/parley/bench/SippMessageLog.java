package org.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a SIPp {@code -trace_msg} log of the uac-message scenario and returns, per call (one MESSAGE), the time
 * from the first MESSAGE sent to the 200 received ("full": 407 + authenticated retry) and from the
 * authenticated MESSAGE to the 200 ("authenticated": one round trip). SIPp stamps every logged message with the
 * wall clock in microseconds; its response-time statistics only have millisecond ticks, too coarse on loopback.
 * Calls without a 200 are left out (the caller compares the count with what it sent).
 */
final class SippMessageLog {
    private static final String MARK = "----------------------------------------------- ";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    record Call(String callId, long firstSentMicros, long fullNanos, long authenticatedNanos) {
    }

    private static final class Times {
        long firstSent = -1;
        long authSent = -1;
        long ok = -1;
    }

    private SippMessageLog() {
    }

    /** Completed calls in the order they started. */
    static List<Call> read(Path log) throws IOException {
        Map<String, Times> calls = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            String line;
            long stamp = 0;
            boolean sent = false;
            String startLine = null;
            String callId = null;
            long cseq = -1;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(MARK)) {
                    record(calls, stamp, sent, startLine, callId, cseq);
                    stamp = micros(line.substring(MARK.length()).trim());
                    startLine = null;
                    callId = null;
                    cseq = -1;
                } else if (line.startsWith("UDP message sent")) {
                    sent = true;
                } else if (line.startsWith("UDP message received")) {
                    sent = false;
                } else if (startLine == null && !line.isBlank()) {
                    startLine = line;
                } else if (line.regionMatches(true, 0, "Call-ID:", 0, 8)) {
                    callId = line.substring(8).trim();
                } else if (line.regionMatches(true, 0, "CSeq:", 0, 5)) {
                    cseq = Long.parseLong(line.substring(5).trim().split("\\s+")[0]);
                }
            }
            record(calls, stamp, sent, startLine, callId, cseq);
        }
        List<Call> done = new ArrayList<>();
        calls.forEach((id, t) -> {
            if (t.firstSent >= 0 && t.authSent >= 0 && t.ok >= 0) {
                done.add(new Call(id, t.firstSent, (t.ok - t.firstSent) * 1000, (t.ok - t.authSent) * 1000));
            }
        });
        done.sort(Comparator.comparingLong(Call::firstSentMicros));
        return done;
    }

    /** First occurrence wins, so UDP retransmissions do not shorten a measurement. */
    private static void record(Map<String, Times> calls, long stamp, boolean sent, String startLine, String callId,
                               long cseq) {
        if (startLine == null || callId == null) {
            return;
        }
        Times t = calls.computeIfAbsent(callId, k -> new Times());
        if (sent && startLine.startsWith("MESSAGE ")) {
            if (cseq == 1 && t.firstSent < 0) {
                t.firstSent = stamp;
            } else if (cseq == 2 && t.authSent < 0) {
                t.authSent = stamp;
            }
        } else if (!sent && startLine.startsWith("SIP/2.0 200") && t.ok < 0) {
            t.ok = stamp;
        }
    }

    private static long micros(String stamp) {
        LocalDateTime t = LocalDateTime.parse(stamp, STAMP);
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000;
    }
}
