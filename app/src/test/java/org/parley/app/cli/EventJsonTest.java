package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.app.presence.PresenceState;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.storage.DeliveryState;

class EventJsonTest {
    private static final String A = "sip:alice@127.0.0.1";

    private static String json(ParleyEvent event) {
        return EventJson.of(event).toString();
    }

    @Test
    void registered() {
        assertThat(json(new ParleyEvent.RegistrationChanged(A, new RegistrationState.Registered(600))))
                .isEqualTo("{\"event\":\"registered\",\"account\":\"" + A + "\",\"expires\":600}");
    }

    @Test
    void registration_failures_carry_kind_and_the_describe_sentence() {
        assertThat(json(new ParleyEvent.RegistrationChanged(A, new RegistrationState.AuthFailed())))
                .isEqualTo("{\"event\":\"registration_failed\",\"account\":\"" + A + "\",\"kind\":\"auth_failed\","
                        + "\"reason\":\"The server rejected the user name or password.\"}");
        assertThat(EventJson.of(new ParleyEvent.RegistrationChanged(A,
                new RegistrationState.Unreachable("timeout", 30))).get("retry_in").intValue()).isEqualTo(30);
        assertThat(EventJson.of(new ParleyEvent.RegistrationChanged(A,
                new RegistrationState.Forbidden("no"))).get("kind").textValue()).isEqualTo("forbidden");
        assertThat(EventJson.of(new ParleyEvent.RegistrationChanged(A,
                new RegistrationState.Failed(503, "Busy"))).get("status").intValue()).isEqualTo(503);
    }

    @Test
    void untrusted_certificate_carries_the_fingerprint() {
        var node = EventJson.of(new ParleyEvent.RegistrationChanged(A,
                new RegistrationState.CertificateNotTrusted("AB:CD", "CN=kamailio")));

        assertThat(node.get("kind").textValue()).isEqualTo("certificate_not_trusted");
        assertThat(node.get("fingerprint").textValue()).isEqualTo("AB:CD");
        assertThat(node.get("reason").textValue()).contains("AB:CD").contains("CN=kamailio");
    }

    @Test
    void progress_states_have_their_own_events() {
        assertThat(json(new ParleyEvent.RegistrationChanged(A, new RegistrationState.Registering())))
                .isEqualTo("{\"event\":\"registering\",\"account\":\"" + A + "\"}");
        assertThat(json(new ParleyEvent.RegistrationChanged(A, new RegistrationState.Unregistered())))
                .isEqualTo("{\"event\":\"unregistered\",\"account\":\"" + A + "\"}");
    }

    @Test
    void message_with_iso_time() {
        assertThat(json(new ParleyEvent.MessageReceived(A, "sip:bob@x", "hi", 7,
                Instant.parse("2025-01-02T03:04:05Z"))))
                .isEqualTo("{\"event\":\"message\",\"account\":\"" + A + "\",\"from\":\"sip:bob@x\",\"text\":\"hi\","
                        + "\"id\":7,\"time\":\"2025-01-02T03:04:05Z\"}");
    }

    @Test
    void message_state_lower_case_with_reason_only_when_given() {
        assertThat(json(new ParleyEvent.MessageStateChanged(A, "sip:bob@x", 7, DeliveryState.STORED_OFFLINE, null)))
                .isEqualTo("{\"event\":\"message_state\",\"account\":\"" + A + "\",\"to\":\"sip:bob@x\",\"id\":7,"
                        + "\"state\":\"stored_offline\"}");
        assertThat(EventJson.of(new ParleyEvent.MessageStateChanged(A, "sip:bob@x", 7, DeliveryState.FAILED,
                "404 Not Found")).get("reason").textValue()).isEqualTo("404 Not Found");
    }

    @Test
    void typing() {
        assertThat(json(new ParleyEvent.TypingChanged(A, "sip:bob@x", false)))
                .isEqualTo("{\"event\":\"typing\",\"account\":\"" + A + "\",\"from\":\"sip:bob@x\",\"active\":false}");
    }

    @Test
    void error_echoes_ref_when_present() {
        assertThat(EventJson.error("bad", null).toString()).isEqualTo("{\"event\":\"error\",\"reason\":\"bad\"}");
        assertThat(EventJson.error("bad", new TextNode("r1")).toString())
                .isEqualTo("{\"event\":\"error\",\"reason\":\"bad\",\"ref\":\"r1\"}");
    }

    @Test
    void a_text_with_newlines_stays_on_one_line() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLineWriter writer = new JsonLineWriter(new ObjectMapper(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        writer.write(EventJson.of(new ParleyEvent.MessageReceived(A, "sip:bob@x", "line1\nline2\r\u2028end", 1,
                Instant.EPOCH)));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).endsWith("\n");
        assertThat(out.substring(0, out.length() - 1)).doesNotContain("\n").doesNotContain("\r");
        assertThat(LineCapture.parse(out.trim()).get("text").textValue()).isEqualTo("line1\nline2\r\u2028end");
    }

    @Test
    void presence_with_note_and_without() {
        assertThat(json(new ParleyEvent.PresenceChanged(A, "sip:bob@x", PresenceState.DO_NOT_DISTURB, "focus time")))
                .isEqualTo("{\"event\":\"presence\",\"account\":\"" + A + "\",\"contact\":\"sip:bob@x\","
                        + "\"state\":\"do-not-disturb\",\"note\":\"focus time\"}");
        assertThat(json(new ParleyEvent.PresenceChanged(A, "sip:bob@x", PresenceState.AVAILABLE, "")))
                .isEqualTo("{\"event\":\"presence\",\"account\":\"" + A + "\",\"contact\":\"sip:bob@x\","
                        + "\"state\":\"available\"}");
    }

    @ParameterizedTest
    @EnumSource(PresenceState.class)
    void every_presence_state_has_a_name_the_presence_command_takes_back(PresenceState state) {
        String name = EventJson.of(new ParleyEvent.PresenceChanged(A, "sip:bob@x", state, "")).get("state").textValue();

        assertThat(name).matches("[a-z]+(-[a-z]+)*");
        if (state == PresenceState.UNKNOWN) {
            assertThat(name).isEqualTo("unknown");
        } else {
            assertThat(PresenceNames.choosable(name)).isEqualTo(state);
        }
    }
}
