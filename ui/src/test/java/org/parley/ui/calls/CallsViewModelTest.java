package org.parley.ui.calls;

import org.parley.ui.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.ParleyEvent;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.call.CallStats;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

class CallsViewModelTest {
    private static final String ALICE = TestProfiles.ALICE;
    private static final String BOB = TestProfiles.BOB;
    private static final String MALLORY = "sip:mallory@example.com";
    private static final ConversationKey KEY = new ConversationKey(ALICE, BOB);
    private static final Function<ConversationKey, String> NAMES =
            key -> key.peer().equals(BOB) ? "Bob Builder" : key.peerLabel();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-20T18:00:00Z"));
    private final FakeParley parley = new FakeParley(null);
    private CallsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new CallsViewModel(parley, Async.direct(), TestProfiles.english(), NAMES, clock);
    }

    private void state(String callId, CallState state) {
        vm.onEvent(new ParleyEvent.CallStateChanged(ALICE, callId, BOB, state));
    }

    private void end(String callId, CallEnd end) {
        vm.onEvent(new ParleyEvent.CallEnded(ALICE, callId, BOB, end));
    }

    private CallViewModel activeCall() {
        CallViewModel c = vm.call(KEY);
        state("call-1", CallState.ACTIVE);
        return c;
    }

    private CallViewModel incoming(String displayName, String contactName, boolean mismatch) {
        vm.onEvent(new ParleyEvent.CallIncoming(ALICE, "in-1", BOB, displayName, contactName, mismatch));
        state("in-1", CallState.INCOMING);
        return vm.calls().get(0);
    }

    @Test
    void anOutgoingCallReadsCallingRingingThenItsDurationAndHoldStates() {
        CallViewModel c = vm.call(KEY);
        assertThat(parley.calls).containsExactly(ALICE + "->" + BOB);
        assertThat(c.nameProperty().get()).isEqualTo("Bob Builder");
        assertThat(c.statusProperty().get()).isEqualTo("Calling…");
        state("call-1", CallState.RINGING);
        assertThat(c.statusProperty().get()).isEqualTo("Ringing…");
        state("call-1", CallState.ACTIVE);
        assertThat(c.statusProperty().get()).isEqualTo("00:00");
        clock.advance(Duration.ofSeconds(192));
        vm.tick();
        assertThat(c.statusProperty().get()).isEqualTo("03:12");
        state("call-1", CallState.ON_HOLD);
        assertThat(c.statusProperty().get()).isEqualTo("On hold");
        state("call-1", CallState.REMOTE_HOLD);
        assertThat(c.statusProperty().get()).isEqualTo("Held by Bob Builder");
        clock.advance(Duration.ofHours(1));
        state("call-1", CallState.ACTIVE);
        assertThat(c.statusProperty().get()).isEqualTo("1:03:12");
        end("call-1", new CallEnd.RemoteHungUp());
        assertThat(c.statusProperty().get()).isEqualTo("Bob Builder hung up · 1:03:12");
        assertThat(c.endedProperty().get()).isTrue();
    }

    @Test
    void anEndedCallStaysListedWithItsReasonForFourSeconds() {
        CallViewModel c = vm.call(KEY);
        end("call-1", new CallEnd.Busy());
        assertThat(c.statusProperty().get()).isEqualTo("Busy");
        clock.advance(Duration.ofMillis(3999));
        vm.tick();
        assertThat(vm.calls()).containsExactly(c);
        clock.advance(Duration.ofMillis(1));
        vm.tick();
        assertThat(vm.calls()).isEmpty();
    }

    @Test
    void everyWayAnOutgoingCallCanEndReadsAsASentence() {
        assertThat(endedWith(new CallEnd.NoAnswer())).isEqualTo("No answer");
        assertThat(endedWith(new CallEnd.Declined())).isEqualTo("Declined");
        assertThat(endedWith(new CallEnd.Cancelled())).isEqualTo("Cancelled");
        assertThat(endedWith(new CallEnd.HungUp())).isEqualTo("Call ended");
        assertThat(endedWith(new CallEnd.Rejected(404, "Not Found"))).isEqualTo("Call refused: Not Found (404)");
        assertThat(endedWith(new CallEnd.Rejected(488, ""))).isEqualTo("Call refused (488)");
        assertThat(endedWith(new CallEnd.Failed("no common codec"))).isEqualTo("Call failed: no common codec");
    }

    private String endedWith(CallEnd end) {
        CallViewModel c = vm.call(KEY);
        end(c.callId().orElseThrow(), end);
        vm.calls().clear();
        return c.statusProperty().get();
    }

    @Test
    void hangingUpReachesTheCoreAndTheEndComesFromItsEvent() {
        CallViewModel c = activeCall();
        c.hangUp();
        assertThat(parley.hungUp).containsExactly("call-1");
        assertThat(c.endedProperty().get()).isFalse();
        clock.advance(Duration.ofSeconds(7));
        end("call-1", new CallEnd.HungUp());
        assertThat(c.statusProperty().get()).isEqualTo("Call ended · 00:07");
    }

    @Test
    void eventsThatArriveBeforeTheCallIdFindTheCallByItsPeer() {
        List<Runnable> later = new ArrayList<>();
        vm = new CallsViewModel(parley, new Async(Runnable::run, later::add), TestProfiles.english(), NAMES, clock);
        CallViewModel c = vm.call(KEY);
        assertThat(c.callId()).isEmpty();
        state("call-1", CallState.RINGING);
        assertThat(c.callId()).contains("call-1");
        assertThat(c.statusProperty().get()).isEqualTo("Ringing…");
        later.forEach(Runnable::run);
        assertThat(vm.calls()).containsExactly(c);
    }

    @Test
    void hangingUpBeforeTheCoreNamedTheCallEndsItOnceNamed() {
        List<Runnable> later = new ArrayList<>();
        vm = new CallsViewModel(parley, new Async(Runnable::run, later::add), TestProfiles.english(), NAMES, clock);
        CallViewModel c = vm.call(KEY);
        c.mutedProperty().set(true);
        c.hangUp();
        assertThat(parley.hungUp).isEmpty();
        later.forEach(Runnable::run);
        assertThat(parley.hungUp).containsExactly("call-1");
    }

    @Test
    void callingAConversationWithACallGoingOnReturnsThatCall() {
        CallViewModel c = vm.call(KEY);
        assertThat(vm.call(KEY)).isSameAs(c);
        assertThat(parley.calls).hasSize(1);
    }

    @Test
    void answeringAnIncomingCallReachesTheCoreAndItsActiveStateEndsTheRinging() {
        CallViewModel c = incoming("Bob Builder", "Bob Builder", false);
        assertThat(c.statusProperty().get()).isEqualTo("Incoming call");
        assertThat(c.incomingProperty().get()).isTrue();
        assertThat(c.outgoing()).isFalse();
        c.answer();
        assertThat(parley.answered).containsExactly("in-1");
        state("in-1", CallState.ACTIVE);
        assertThat(c.incomingProperty().get()).isFalse();
        assertThat(c.talkingProperty().get()).isTrue();
        assertThat(vm.current()).contains(c);
    }

    @Test
    void decliningAnIncomingCallReachesTheCoreAndRemovesItAtOnce() {
        CallViewModel c = incoming("Bob", "Bob Builder", true);
        c.decline();
        assertThat(parley.hungUp).containsExactly("in-1");
        assertThat(c.endedProperty().get()).isTrue();
        assertThat(vm.calls()).isEmpty();
        end("in-1", new CallEnd.Declined());
        assertThat(vm.calls()).isEmpty();
    }

    @Test
    void anIncomingCallTheCallerGivesUpLeavesAtOnce() {
        incoming("", "Bob Builder", false);
        end("in-1", new CallEnd.Cancelled());
        assertThat(vm.calls()).isEmpty();
        assertThat(parley.hungUp).isEmpty();
    }

    @Test
    void aCallerWhoseClaimedNameDiffersFromTheContactListIsWarnedAbout() {
        CallViewModel c = incoming("Bank Support", "Bob Builder", true);
        assertThat(c.nameProperty().get()).isEqualTo("Bob Builder");
        assertThat(c.warningProperty().get()).isEqualTo(
                "The caller calls itself “Bank Support” but your contact list names this address “Bob Builder”.");
    }

    @Test
    void aCallerOutsideTheContactListIsSaidToBeUnknown() {
        vm.onEvent(new ParleyEvent.CallIncoming(ALICE, "in-2", MALLORY, "Bob Builder", "", false));
        CallViewModel c = vm.calls().get(0);
        assertThat(c.nameProperty().get()).isEqualTo("Bob Builder");
        assertThat(c.address()).isEqualTo("mallory@example.com");
        assertThat(c.warningProperty().get()).isEqualTo(
                "This address is not in your contact list; the name “Bob Builder” is the caller’s own claim.");

        vm.onEvent(new ParleyEvent.CallIncoming(ALICE, "in-3", MALLORY, "", "", false));
        CallViewModel anonymous = vm.calls().get(1);
        assertThat(anonymous.nameProperty().get()).isEqualTo("mallory@example.com");
        assertThat(anonymous.warningProperty().get()).isEqualTo("This address is not in your contact list.");
    }

    @Test
    void aKnownCallerUsingTheContactListNameGetsNoWarning() {
        assertThat(incoming("Bob Builder", "Bob Builder", false).warningProperty().get()).isEmpty();
    }

    @Test
    void qualityIsMeasuredEachSecondWhileActiveAndExplainedWithItsFigures() {
        CallViewModel c = vm.call(KEY);
        parley.stats = Optional.of(new CallStats(500, 498, 0.4, 12.3, 48, "opus", 60, false));
        vm.tick();
        assertThat(parley.statsAsked).isEmpty();
        state("call-1", CallState.ACTIVE);
        vm.tick();
        assertThat(c.qualityProperty().get()).isEqualTo(CallQuality.GOOD);
        assertThat(c.qualityTextProperty().get())
                .isEqualTo("Connection: good — 0.4 % packet loss, 12 ms jitter, 48 ms round trip, opus");

        parley.stats = Optional.of(new CallStats(900, 800, 7.26, 80, -1, "PCMU", 120, false));
        vm.tick();
        assertThat(c.qualityProperty().get()).isEqualTo(CallQuality.POOR);
        assertThat(c.qualityTextProperty().get())
                .isEqualTo("Connection: poor — 7.3 % packet loss, 80 ms jitter, PCMU");
        assertThat(parley.statsAsked).containsExactly("call-1", "call-1");

        state("call-1", CallState.ON_HOLD);
        vm.tick();
        assertThat(c.qualityProperty().get()).isNull();
        assertThat(parley.statsAsked).hasSize(2);
    }

    @Test
    void theKeypadSendsEachKeyAndIgnoresOthers() {
        CallViewModel c = vm.call(KEY);
        c.dtmf('5');
        assertThat(parley.dtmf).isEmpty();
        state("call-1", CallState.ACTIVE);
        parley.dtmfResult = true;
        for (char k : "12x#*".toCharArray()) {
            c.dtmf(k);
        }
        assertThat(parley.dtmf).containsExactly("call-1:1", "call-1:2", "call-1:#", "call-1:*");
        assertThat(c.dialledProperty().get()).isEqualTo("12#*");
        assertThat(c.errorProperty().get()).isEmpty();
    }

    @Test
    void keysThePeerDoesNotTakeAreReported() {
        CallViewModel c = activeCall();
        c.dtmf('9');
        assertThat(c.errorProperty().get()).isEqualTo("The other side does not accept key presses.");
    }

    @Test
    void holdAndResumeGoToTheCoreAndHeldFollowsItsState() {
        CallViewModel c = activeCall();
        parley.holdResult = true;
        c.toggleHold();
        assertThat(parley.holds).containsExactly("call-1:true");
        assertThat(c.heldProperty().get()).isFalse();
        state("call-1", CallState.ON_HOLD);
        assertThat(c.heldProperty().get()).isTrue();
        assertThat(c.talkingProperty().get()).isTrue();
        c.toggleHold();
        assertThat(parley.holds).containsExactly("call-1:true", "call-1:false");
    }

    @Test
    void aHoldTheCoreRefusesIsReported() {
        CallViewModel c = activeCall();
        c.toggleHold();
        assertThat(c.errorProperty().get()).isEqualTo("The call cannot be put on hold right now.");
        assertThat(c.busyProperty().get()).isFalse();
    }

    @Test
    void mutingReachesTheCoreAndAMuteBeforeTheIdIsAppliedOnceNamed() {
        CallViewModel c = activeCall();
        c.mutedProperty().set(true);
        c.mutedProperty().set(false);
        assertThat(parley.mutes).containsExactly("call-1:true", "call-1:false");

        List<Runnable> later = new ArrayList<>();
        vm = new CallsViewModel(parley, new Async(Runnable::run, later::add), TestProfiles.english(), NAMES, clock);
        CallViewModel early = vm.call(new ConversationKey(ALICE, MALLORY));
        early.mutedProperty().set(true);
        later.forEach(Runnable::run);
        assertThat(parley.mutes).endsWith("call-2:true");
    }

    @Test
    void durationsReadAsMinutesAndSecondsThenHours() {
        assertThat(LiveCallText.clock(Duration.ofSeconds(7))).isEqualTo("00:07");
        assertThat(LiveCallText.clock(Duration.ofSeconds(192))).isEqualTo("03:12");
        assertThat(LiveCallText.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }
}
