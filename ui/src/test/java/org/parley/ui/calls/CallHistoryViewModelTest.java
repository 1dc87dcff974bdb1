package org.parley.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.CallRecord;
import org.parley.storage.Direction;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;
import org.parley.ui.testing.TestProfiles;

class CallHistoryViewModelTest {
    private static final String ALICE = TestProfiles.ALICE;
    private static final String BOB = TestProfiles.BOB;
    private static final String CARL = "sip:carl@example.com";
    /** "Now" for every test: 20 Nov 2026, 18:00 UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T18:00:00Z"), ZoneOffset.UTC);
    private static final Instant TODAY_1405 = Instant.parse("2026-11-20T14:05:00Z");
    private static final Instant YESTERDAY_0930 = Instant.parse("2026-11-19T09:30:00Z");
    private static final Instant NOV_18_0800 = Instant.parse("2026-11-18T08:00:00Z");

    @TempDir
    Path dir;
    private Profile profile;
    private final List<ConversationKey> opened = new ArrayList<>();
    private final Function<ConversationKey, String> names =
            key -> key.peer().equals(BOB) ? "Bob Builder" : key.peerLabel();

    @BeforeEach
    void setUp() {
        profile = TestProfiles.create(dir);
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    @Test
    void rowsAreTheRecentCallsNewestFirstWithOneSentenceEach() {
        record(ALICE, BOB, Direction.OUT, NOV_18_0800, 5, 65, "hangup");
        record(ALICE, CARL, Direction.IN, YESTERDAY_0930, -1, 20, "cancelled");
        record(ALICE, BOB, Direction.OUT, TODAY_1405, 8, 200, "hangup");
        CallHistoryViewModel vm = viewModel(TestProfiles.english());

        vm.refresh();

        assertThat(vm.rows()).extracting(vm::sentence).map(CallHistoryViewModelTest::plainSpaces).containsExactly(
                "Bob Builder — outgoing, 3:12, today 2:05 PM",
                "carl@example.com — missed, yesterday 9:30 AM",
                "Bob Builder — outgoing, 1:00, Nov 18, 2026 8:00 AM");
        assertThat(vm.rows()).extracting(CallItem::kind).containsExactly(CallItem.Kind.OUTGOING,
                CallItem.Kind.MISSED, CallItem.Kind.OUTGOING);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void unansweredCallsSayHowTheyEnded() {
        record(ALICE, BOB, Direction.OUT, TODAY_1405, -1, 10, "busy");
        record(ALICE, BOB, Direction.OUT, TODAY_1405.plusSeconds(60), -1, 30, "no_answer");
        record(ALICE, BOB, Direction.IN, TODAY_1405.plusSeconds(120), -1, 5, "declined");
        record(ALICE, BOB, Direction.OUT, TODAY_1405.plusSeconds(180), -1, 1, "rejected");
        record(ALICE, BOB, Direction.IN, TODAY_1405.plusSeconds(240), 2, 3727, "remote_hangup");
        CallHistoryViewModel vm = viewModel(TestProfiles.english());

        vm.refresh();

        assertThat(vm.rows()).extracting(vm::detail).map(CallHistoryViewModelTest::plainSpaces).containsExactly(
                "incoming, 1:02:05, today 2:09 PM",
                "outgoing, refused, today 2:08 PM",
                "incoming, declined, today 2:07 PM",
                "outgoing, no answer, today 2:06 PM",
                "outgoing, busy, today 2:05 PM");
        assertThat(vm.rows()).extracting(CallItem::kind).containsExactly(CallItem.Kind.INCOMING,
                CallItem.Kind.OUTGOING, CallItem.Kind.MISSED, CallItem.Kind.OUTGOING, CallItem.Kind.OUTGOING);
    }

    @Test
    void germanRowsUseGermanWordsAndDates() {
        record(ALICE, BOB, Direction.IN, NOV_18_0800, -1, 30, "no_answer");
        record(ALICE, BOB, Direction.OUT, TODAY_1405, 8, 200, "hangup");
        CallHistoryViewModel vm = viewModel(I18n.load(Locale.GERMAN));

        vm.refresh();

        assertThat(vm.rows()).extracting(vm::sentence).containsExactly(
                "Bob Builder — ausgehend, 3:12, heute 14:05",
                "Bob Builder — verpasst, 18.11.2026 08:00");
    }

    @Test
    void anEndedCallReloadsTheList() {
        CallHistoryViewModel vm = viewModel(TestProfiles.english());
        vm.refresh();
        assertThat(vm.rows()).isEmpty();

        CallRecord call = record(ALICE, BOB, Direction.IN, TODAY_1405, 1, 61, "hangup");
        vm.onCallEnded();

        assertThat(vm.rows()).extracting(CallItem::call).containsExactly(call);
    }

    @Test
    void openingARowOpensTheConversationWithThatPeer() {
        record(ALICE, BOB, Direction.IN, TODAY_1405, -1, 20, "cancelled");
        CallHistoryViewModel vm = viewModel(TestProfiles.english());
        vm.refresh();

        vm.open(vm.rows().get(0));

        assertThat(opened).containsExactly(new ConversationKey(ALICE, BOB));
        assertThat(vm.nameOf(vm.rows().get(0))).isEqualTo("Bob Builder");
    }

    @Test
    void aFailedReadShowsASentenceAndKeepsTheRows() {
        record(ALICE, BOB, Direction.OUT, TODAY_1405, 1, 20, "hangup");
        CallHistoryViewModel vm = viewModel(TestProfiles.english());
        vm.refresh();

        profile.close();
        vm.refresh();

        assertThat(vm.errorProperty().get()).isEqualTo("The call history could not be read.");
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aReadThatFinishesAfterANewerOneIsDropped() throws Exception {
        List<Runnable> background = new ArrayList<>();
        CallHistoryViewModel vm = new CallHistoryViewModel(profile.calls(), new Async(background::add, Runnable::run),
                TestProfiles.english(), names, opened::add, CLOCK);
        CallRecord call = record(ALICE, BOB, Direction.OUT, TODAY_1405, 1, 20, "hangup");
        vm.refresh();
        vm.refresh();
        background.get(1).run();
        assertThat(vm.rows()).extracting(CallItem::call).containsExactly(call);
        assertThat(vm.loadingProperty().get()).isFalse();

        profile.calls().remove(call.id());
        background.get(0).run(); // the older read finishes last and finds no calls

        assertThat(vm.rows()).extracting(CallItem::call).containsExactly(call);
        assertThat(background).hasSize(2);
    }

    private CallHistoryViewModel viewModel(I18n i18n) {
        return new CallHistoryViewModel(profile.calls(), Async.direct(), i18n, names, opened::add, CLOCK);
    }

    /** Stores a call; {@code answeredAfter} < 0 means never answered. */
    private CallRecord record(String account, String peer, Direction direction, Instant started, int answeredAfter,
                              int endedAfter, String endReason) {
        Optional<Instant> answered = answeredAfter < 0 ? Optional.empty()
                : Optional.of(started.plusSeconds(answeredAfter));
        return profile.calls().record(account, peer, direction, started, answered, started.plusSeconds(endedAfter),
                endReason, answered.isPresent() ? "opus" : "").join();
    }

    /** Newer JDKs put a narrow no-break space before AM/PM. */
    private static String plainSpaces(String s) {
        return s.replace('\u202f', ' ');
    }
}
