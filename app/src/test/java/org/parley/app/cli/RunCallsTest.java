package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.app.ParleyEvent;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.storage.Profile;

/** Which call a {@code run} command means when it names none, and the call events as JSON lines. */
class RunCallsTest {
    private static final String ALICE = "sip:alice@127.0.0.1";
    private final Profile profile = new InMemoryProfiles().create(Path.of("/nowhere"), "pw".toCharArray());
    private final FakeParley parley = new FakeParley(profile);

    @Test
    void theOnlyCallIsMeantAndSeveralOrNoneAreRefusedWithASentence() {
        RunCalls calls = new RunCalls(parley, Optional.empty());
        assertThatThrownBy(() -> calls.pick(null, null)).hasMessage("There is no call.");
        calls.onEvent(new ParleyEvent.CallIncoming(ALICE, "c1", "sip:bob@x", "Bob", "", false));
        assertThat(calls.pick(null, CallState.INCOMING)).isEqualTo("c1");
        calls.onEvent(new ParleyEvent.CallStateChanged(ALICE, "c2", "sip:carol@x", CallState.ACTIVE));
        assertThat(calls.pick(null, CallState.ACTIVE)).isEqualTo("c2");
        assertThatThrownBy(() -> calls.pick(null, null)).hasMessageContaining("several calls");
        calls.onEvent(new ParleyEvent.CallEnded(ALICE, "c1", "sip:bob@x", new CallEnd.Cancelled()));
        assertThat(calls.pick(null, null)).isEqualTo("c2");
    }

    @Test
    void callEventsBecomeTheDocumentedLines() {
        assertThat(EventJson.of(new ParleyEvent.CallIncoming(ALICE, "c1", "sip:bob@x", "Bob", "Bobby", true))
                .toString()).isEqualTo("{\"event\":\"call_incoming\",\"account\":\"" + ALICE + "\",\"call\":\"c1\","
                        + "\"from\":\"sip:bob@x\",\"name\":\"Bob\",\"contact_name\":\"Bobby\",\"name_mismatch\":true}");
        assertThat(EventJson.of(new ParleyEvent.CallStateChanged(ALICE, "c1", "sip:bob@x", CallState.ACTIVE))
                .toString()).isEqualTo("{\"event\":\"call_established\",\"account\":\"" + ALICE
                        + "\",\"call\":\"c1\",\"peer\":\"sip:bob@x\"}");
        assertThat(EventJson.of(new ParleyEvent.CallStateChanged(ALICE, "c1", "sip:bob@x", CallState.INCOMING)))
                .isNull();
        assertThat(EventJson.of(new ParleyEvent.CallEnded(ALICE, "c1", "sip:bob@x", new CallEnd.Rejected(404,
                "Not Found"))).toString()).isEqualTo("{\"event\":\"call_ended\",\"account\":\"" + ALICE
                        + "\",\"call\":\"c1\",\"peer\":\"sip:bob@x\",\"reason\":\"rejected\",\"status\":404,"
                        + "\"detail\":\"Not Found\"}");
        assertThat(EventJson.of(new ParleyEvent.DtmfReceived(ALICE, "c1", '#')).toString())
                .isEqualTo("{\"event\":\"dtmf\",\"account\":\"" + ALICE + "\",\"call\":\"c1\",\"digit\":\"#\"}");
    }
}
