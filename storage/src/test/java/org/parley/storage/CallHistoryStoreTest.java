package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallHistoryStoreTest {
    static final String A = "sip:alice@example.com";
    static final String B = "sip:anna@example.org";
    static final String BOB = "sip:bob@example.com";
    static final String CAROL = "sip:carol@example.com";
    static final Instant T0 = Instant.parse("2026-11-20T14:05:00.123456789Z");

    @TempDir
    Path tmp;

    @Test
    void aRecordedCallReadsBackEqualWithMillisecondTimes() throws Exception {
        try (Profile profile = create()) {
            CallHistoryStore calls = profile.calls();
            CallRecord talked = await(calls.record(A, BOB, Direction.OUT, T0, Optional.of(T0.plusSeconds(4)),
                    T0.plusSeconds(196), "hangup", "opus"));
            CallRecord missed = await(calls.record(A, CAROL, Direction.IN, T0.plusSeconds(300), Optional.empty(),
                    T0.plusSeconds(330), "cancelled", ""));

            assertThat(talked.started()).isEqualTo(Instant.parse("2026-11-20T14:05:00.123Z"));
            assertThat(talked.talked()).isEqualTo(Duration.ofSeconds(192));
            assertThat(missed.answered()).isEmpty();
            assertThat(talked.id()).isLessThan(missed.id());
            // Completed means committed: the read connections see both at once.
            assertThat(calls.recent(10)).containsExactly(missed, talked);
        }
    }

    @Test
    void recentListsEveryAccountNewestStartFirstUpToTheLimit() throws Exception {
        try (Profile profile = create()) {
            CallHistoryStore calls = profile.calls();
            // Recorded when they end: the long call that started first is recorded last.
            CallRecord second = await(call(calls, A, BOB, 60, "busy"));
            CallRecord third = await(call(calls, B, CAROL, 120, "no_answer"));
            CallRecord first = await(calls.record(A, CAROL, Direction.OUT, T0, Optional.of(T0.plusSeconds(1)),
                    T0.plusSeconds(600), "remote_hangup", "PCMU"));

            assertThat(calls.recent(10)).containsExactly(third, second, first);
            assertThat(calls.recent(2)).containsExactly(third, second);
            assertThat(calls.recent(0)).isEmpty();
        }
    }

    @Test
    void callsAtTheSameInstantListTheLaterRecordedFirst() throws Exception {
        try (Profile profile = create()) {
            CallRecord earlier = await(call(profile.calls(), A, BOB, 0, "busy"));
            CallRecord later = await(call(profile.calls(), A, BOB, 0, "declined"));
            assertThat(profile.calls().recent(10)).containsExactly(later, earlier);
        }
    }

    @Test
    void withListsOnlyThatAccountAndPeerNewestFirst() throws Exception {
        try (Profile profile = create()) {
            CallHistoryStore calls = profile.calls();
            CallRecord one = await(call(calls, A, BOB, 10, "busy"));
            await(call(calls, A, CAROL, 20, "busy"));
            await(call(calls, B, BOB, 30, "busy"));
            CallRecord two = await(call(calls, A, BOB, 40, "failed"));

            assertThat(calls.with(A, BOB, 10)).containsExactly(two, one);
            assertThat(calls.with(A, BOB, 1)).containsExactly(two);
            assertThat(calls.with(B, CAROL, 10)).isEmpty();
        }
    }

    @Test
    void missedCountsIncomingUnansweredCallsOfEveryAccountSinceTheInstant() throws Exception {
        try (Profile profile = create()) {
            CallHistoryStore calls = profile.calls();
            await(calls.record(A, BOB, Direction.IN, T0, Optional.empty(), T0.plusSeconds(20), "cancelled", ""));
            await(calls.record(B, BOB, Direction.IN, T0.plusSeconds(60), Optional.empty(), T0.plusSeconds(90),
                    "no_answer", ""));
            await(calls.record(A, CAROL, Direction.IN, T0.plusSeconds(120), Optional.of(T0.plusSeconds(125)),
                    T0.plusSeconds(200), "hangup", "opus"));
            await(calls.record(A, CAROL, Direction.OUT, T0.plusSeconds(240), Optional.empty(), T0.plusSeconds(250),
                    "no_answer", ""));

            assertThat(calls.missedSince(T0)).isEqualTo(2);
            assertThat(calls.missedSince(T0.plusSeconds(60))).isEqualTo(1);
            assertThat(calls.missedSince(T0.plusSeconds(61))).isZero();
            assertThat(calls.recent(10)).filteredOn(CallRecord::missed).hasSize(2);
        }
    }

    @Test
    void removeDeletesOneCallAndSaysWhetherItExisted() throws Exception {
        try (Profile profile = create()) {
            CallRecord keep = await(call(profile.calls(), A, BOB, 0, "busy"));
            CallRecord gone = await(call(profile.calls(), A, BOB, 10, "busy"));
            assertThat(profile.calls().remove(gone.id())).isTrue();
            assertThat(profile.calls().remove(gone.id())).isFalse();
            assertThat(profile.calls().recent(10)).containsExactly(keep);
        }
    }

    @Test
    void callsSurviveReopeningAndAreNotReadableOnDisk() throws Exception {
        Path dir = tmp.resolve("p");
        String peer = "sip:wombat-caller-83@example.net";
        CallRecord stored;
        try (Profile profile = Profiles.create(dir, "pass".toCharArray())) {
            stored = await(call(profile.calls(), A, peer, 0, "remote_hangup"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(TestFiles.containsPlaintext(Files.readAllBytes(file), "wombat-caller-83"))
                        .as(file.toString()).isFalse();
            }
        }
        try (Profile profile = Profiles.open(dir, "pass".toCharArray())) {
            assertThat(profile.calls().with(A, peer, 10)).containsExactly(stored);
        }
    }

    @Test
    void aClosedProfileRefusesCallHistoryReadsAndWrites() throws Exception {
        Profile profile = create();
        profile.close();
        assertThat(call(profile.calls(), A, BOB, 0, "busy")).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(ProfileClosedException.class);
        assertThatThrownBy(() -> profile.calls().recent(10)).isInstanceOf(ProfileClosedException.class);
        assertThatThrownBy(() -> profile.calls().with(A, BOB, 10)).isInstanceOf(ProfileClosedException.class);
        assertThatThrownBy(() -> profile.calls().missedSince(T0)).isInstanceOf(ProfileClosedException.class);
        assertThatThrownBy(() -> profile.calls().remove(1)).isInstanceOf(ProfileClosedException.class);
    }

    @Test
    void missingArgumentsAreRefusedAtTheCall() throws Exception {
        try (Profile profile = create()) {
            assertThatThrownBy(() -> profile.calls().record(A, BOB, Direction.OUT, T0, Optional.empty(), T0, null,
                    "")).isInstanceOf(NullPointerException.class);
            assertThat(profile.calls().recent(10)).isEmpty();
        }
    }

    /** An unanswered outgoing call that started {@code offsetSeconds} after T0 and lasted 5 s. */
    private static CompletableFuture<CallRecord> call(CallHistoryStore calls, String account, String peer,
                                                      long offsetSeconds, String endReason) {
        Instant started = T0.plusSeconds(offsetSeconds);
        return calls.record(account, peer, Direction.OUT, started, Optional.empty(), started.plusSeconds(5),
                endReason, "");
    }

    private Profile create() throws StorageException {
        return Profiles.create(tmp.resolve("p"), "pass".toCharArray());
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }
}
