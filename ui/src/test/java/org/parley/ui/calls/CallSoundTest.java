package org.parley.ui.calls;

import org.parley.ui.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.ParleyEvent;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallLevels;
import org.parley.app.call.CallState;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

/** The sound side of a call in the desktop: devices used, level meters, the device line, keys received. */
class CallSoundTest {
    private static final String ALICE = TestProfiles.ALICE;
    private static final String BOB = TestProfiles.BOB;
    private static final ConversationKey KEY = new ConversationKey(ALICE, BOB);
    private static final CallLevels.DeviceUse AS_CHOSEN =
            new CallLevels.DeviceUse(CallLevels.Kind.AS_REQUESTED, Optional.empty(), Optional.of("default"));

    private final FakeParley parley = new FakeParley(null);
    private final AtomicReference<CallAudio.Devices> chosen =
            new AtomicReference<>(new CallAudio.Devices(Optional.of("hw:1"), Optional.of("hw:2")));
    private CallsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new CallsViewModel(parley, Async.direct(), TestProfiles.english(), k -> "Bob Builder", chosen::get,
                new ManualClock(Instant.parse("2026-11-20T18:00:00Z")));
    }

    private CallViewModel activeCall() {
        CallViewModel c = vm.call(KEY);
        vm.onEvent(new ParleyEvent.CallStateChanged(ALICE, "call-1", BOB, CallState.ACTIVE));
        return c;
    }

    private static CallLevels levels(double input, double output, CallLevels.DeviceUse mic,
                                     CallLevels.DeviceUse speaker) {
        return new CallLevels(input, output, mic, speaker);
    }

    @Test
    void callsMadeAndAnsweredUseTheDevicesChosenAtThatMoment() {
        vm.call(KEY);
        chosen.set(new CallAudio.Devices(Optional.empty(), Optional.of("hw:3")));
        vm.onEvent(new ParleyEvent.CallIncoming(ALICE, "in-1", "sip:carol@example.com", "", "", false));
        vm.onEvent(new ParleyEvent.CallStateChanged(ALICE, "in-1", "sip:carol@example.com", CallState.INCOMING));
        vm.calls().get(1).answer();
        assertThat(parley.audioUsed).containsExactly(
                new CallAudio.Devices(Optional.of("hw:1"), Optional.of("hw:2")),
                new CallAudio.Devices(Optional.empty(), Optional.of("hw:3")));
    }

    @Test
    void theMetersFollowTheLevelsOfAnActiveCallAndFallBackSlowly() {
        CallViewModel c = activeCall();
        CallMeters m = c.meters();
        parley.levels = Optional.of(levels(0.5, 1.0, AS_CHOSEN, AS_CHOSEN));
        c.pollLevels();
        assertThat(m.inputProperty().get()).isCloseTo(1 + 20 * Math.log10(0.5) / 60, within(1e-9));
        assertThat(m.outputProperty().get()).isEqualTo(1.0);
        assertThat(m.inputTextProperty().get()).isEqualTo("Microphone level: -6 dB");
        assertThat(m.outputTextProperty().get()).isEqualTo("Speaker level: 0 dB");
        assertThat(m.devicesProperty().get()).isEmpty();

        parley.levels = Optional.of(levels(0, 0, AS_CHOSEN, AS_CHOSEN));
        c.pollLevels();
        assertThat(m.outputProperty().get()).isCloseTo(1.0 - CallMeters.DECAY_PER_POLL, within(1e-9));
        assertThat(m.inputTextProperty().get()).isEqualTo("Microphone level: silent");
    }

    @Test
    void theMetersRestAndNoLevelsAreAskedWhileTheCallIsOnHold() {
        CallViewModel c = activeCall();
        parley.levels = Optional.of(levels(0.8, 0.8, AS_CHOSEN, AS_CHOSEN));
        c.pollLevels();
        assertThat(c.meters().inputProperty().get()).isPositive();
        vm.onEvent(new ParleyEvent.CallStateChanged(ALICE, "call-1", BOB, CallState.ON_HOLD));
        assertThat(c.meters().inputProperty().get()).isZero();
        assertThat(c.meters().outputProperty().get()).isZero();
        int asked = parley.levelsAsked.get();
        c.pollLevels();
        assertThat(parley.levelsAsked.get()).as("no question while on hold").isEqualTo(asked);
    }

    @Test
    void aPollIsNotRepeatedWhileTheCoreHasNotAnswered() {
        List<Runnable> later = new ArrayList<>();
        vm = new CallsViewModel(parley, new Async(Runnable::run, later::add), TestProfiles.english(),
                k -> "Bob", chosen::get, new ManualClock(Instant.parse("2026-11-20T18:00:00Z")));
        CallViewModel c = vm.call(KEY);
        later.forEach(Runnable::run);
        later.clear();
        vm.onEvent(new ParleyEvent.CallStateChanged(ALICE, "call-1", BOB, CallState.ACTIVE));
        parley.levels = Optional.of(levels(1, 1, AS_CHOSEN, AS_CHOSEN));
        c.pollLevels();
        c.pollLevels();
        assertThat(parley.levelsAsked.get()).isEqualTo(1);
        later.forEach(Runnable::run);
        assertThat(c.meters().inputProperty().get()).isEqualTo(1.0);
        c.pollLevels();
        assertThat(parley.levelsAsked.get()).isEqualTo(2);
    }

    @Test
    void aDeviceThatFellBackOrIsMissingIsSaidInOneLineEach() {
        CallViewModel c = activeCall();
        parley.levels = Optional.of(levels(0, 0,
                new CallLevels.DeviceUse(CallLevels.Kind.DEFAULT_FALLBACK, Optional.of("USB headset"),
                        Optional.of("default")),
                new CallLevels.DeviceUse(CallLevels.Kind.NO_DEVICE, Optional.empty(), Optional.empty())));
        c.pollLevels();
        assertThat(c.meters().devicesProperty().get()).isEqualTo(
                "Microphone “USB headset” is not available — using the default.\n"
                        + "No speaker works — you cannot hear the other side.");

        parley.levels = Optional.of(levels(0, 0, AS_CHOSEN, AS_CHOSEN));
        c.pollLevels();
        assertThat(c.meters().devicesProperty().get()).isEmpty();
    }

    @Test
    void theDeviceLineIsInGermanToo() {
        CallsViewModel german = new CallsViewModel(parley, Async.direct(), I18n.load(java.util.Locale.GERMAN),
                k -> "Bob", chosen::get, new ManualClock(Instant.parse("2026-11-20T18:00:00Z")));
        CallViewModel c = german.call(KEY);
        german.onEvent(new ParleyEvent.CallStateChanged(ALICE, "call-1", BOB, CallState.ACTIVE));
        parley.levels = Optional.of(levels(0, 0,
                new CallLevels.DeviceUse(CallLevels.Kind.DEFAULT_FALLBACK, Optional.of("Headset"), Optional.empty()),
                AS_CHOSEN));
        c.pollLevels();
        german.onEvent(new ParleyEvent.DtmfReceived(ALICE, "call-1", '5'));
        assertThat(c.meters().devicesProperty().get())
                .isEqualTo("Das Mikrofon „Headset“ ist nicht verfügbar – das Standardgerät wird verwendet.");
        assertThat(c.receivedProperty().get()).isEqualTo("Empfangen: 5");
    }

    @Test
    void keysThePeerPressesAreShownOnTheirCallOnly() {
        CallViewModel c = activeCall();
        assertThat(c.receivedProperty().get()).isEmpty();
        for (char d : "12#".toCharArray()) {
            vm.onEvent(new ParleyEvent.DtmfReceived(ALICE, "call-1", d));
        }
        vm.onEvent(new ParleyEvent.DtmfReceived(ALICE, "other-call", '9'));
        assertThat(c.receivedProperty().get()).isEqualTo("Received: 1 2 #");
        vm.onEvent(new ParleyEvent.CallEnded(ALICE, "call-1", BOB, new CallEnd.HungUp()));
        vm.onEvent(new ParleyEvent.DtmfReceived(ALICE, "call-1", '4'));
        assertThat(c.receivedProperty().get()).isEqualTo("Received: 1 2 #");
    }
}
