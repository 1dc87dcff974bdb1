package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.parley.app.presence.Note;
import org.parley.app.presence.PresenceState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StdinCommandParserTest {
    private final StdinCommandParser parser = new StdinCommandParser();

    @Test
    void send_with_all_fields() {
        StdinCommand command = parser.parse(
                "{\"cmd\":\"send\",\"to\":\"sip:bob@x\",\"text\":\"hi ☃\",\"account\":\"sip:alice@x\",\"ref\":\"r1\"}");

        assertThat(command).isInstanceOfSatisfying(StdinCommand.Send.class, send -> {
            assertThat(send.to()).isEqualTo("sip:bob@x");
            assertThat(send.text()).isEqualTo("hi ☃");
            assertThat(send.account()).isEqualTo("sip:alice@x");
            assertThat(send.ref().textValue()).isEqualTo("r1");
        });
    }

    @Test
    void send_without_optional_fields_and_with_unknown_extra_field() {
        StdinCommand command = parser.parse("{\"cmd\":\"send\",\"to\":\"sip:bob@x\",\"text\":\"hi\",\"future\":1}");

        assertThat(command).isEqualTo(new StdinCommand.Send("sip:bob@x", "hi", null, null));
    }

    @Test
    void numeric_ref_is_kept() {
        StdinCommand command = parser.parse("{\"cmd\":\"send\",\"to\":\"sip:bob@x\",\"text\":\"hi\",\"ref\":42}");

        assertThat(((StdinCommand.Send) command).ref().intValue()).isEqualTo(42);
    }

    @Test
    void typing_and_quit() {
        assertThat(parser.parse("{\"cmd\":\"typing\",\"to\":\"sip:bob@x\",\"active\":true}"))
                .isEqualTo(new StdinCommand.Typing("sip:bob@x", true, null));
        assertThat(parser.parse(" {\"cmd\":\"quit\"} ")).isEqualTo(new StdinCommand.Quit());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not json                                           | not valid JSON",
        "{\"cmd\":\"send\"                                  | not valid JSON",
        "{\"cmd\":\"quit\"} {\"cmd\":\"quit\"}              | not valid JSON",
        "{\"cmd\":\"quit\",\"cmd\":\"send\"}                | not valid JSON",
        "[1,2]                                              | must be a JSON object",
        "`\"quit\"`                                         | must be a JSON object",
        "42                                                 | must be a JSON object",
        "{}                                                 | Missing \"cmd\"",
        "{\"cmd\":7}                                        | \"cmd\" must be a string",
        "{\"cmd\":\"dance\"}                                | Unknown command \"dance\"",
        "{\"cmd\":\"send\",\"text\":\"hi\"}                 | Missing \"to\"",
        "{\"cmd\":\"send\",\"to\":\"sip:b@x\"}              | Missing \"text\"",
        "{\"cmd\":\"send\",\"to\":1,\"text\":\"hi\"}        | \"to\" must be a string",
        "{\"cmd\":\"send\",\"to\":\"sip:b@x\",\"text\":[]}  | \"text\" must be a string",
        "{\"cmd\":\"send\",\"to\":\"sip:b@x\",\"text\":\"\"}| \"text\" must not be empty",
        "{\"cmd\":\"send\",\"to\":\"sip:b@x\",\"text\":\"x\",\"account\":5} | \"account\" must be a string",
        "{\"cmd\":\"send\",\"to\":\"sip:b@x\",\"text\":\"x\",\"ref\":{}}    | \"ref\" must be a string or a number",
        "{\"cmd\":\"typing\",\"to\":\"sip:b@x\"}            | Missing \"active\"",
        "{\"cmd\":\"typing\",\"to\":\"sip:b@x\",\"active\":\"yes\"} | \"active\" must be true or false",
        "{\"cmd\":\"presence\"}                         | Missing \"state\"",
        "{\"cmd\":\"presence\",\"state\":1}           | \"state\" must be a string",
        "{\"cmd\":\"presence\",\"state\":\"asleep\"}| Unknown presence state \"asleep\": use available, away, busy, do-not-disturb, on-the-phone, in-a-meeting, offline.",
        "{\"cmd\":\"presence\",\"state\":\"unknown\"}| Unknown presence state \"unknown\"",
        "{\"cmd\":\"presence\",\"state\":\"AWAY\"}  | Unknown presence state \"AWAY\"",
        "{\"cmd\":\"presence\",\"state\":\"do_not_disturb\"} | Unknown presence state",
        "{\"cmd\":\"presence\",\"state\":\"away\",\"note\":5} | \"note\" must be a string",
        "{\"cmd\":\"contact_add\"}                      | Missing \"address\"",
        "{\"cmd\":\"contact_add\",\"address\":[]}     | \"address\" must be a string",
        "{\"cmd\":\"contact_add\",\"address\":\"sip:b@x\",\"name\":{}} | \"name\" must be a string",
        "{\"cmd\":\"contact_add\",\"address\":\"sip:b@x\",\"group\":true} | \"group\" must be a string",
        "{\"cmd\":\"contact_remove\",\"account\":\"sip:a@x\"} | Missing \"address\"",
    })
    void malformed_lines_become_invalid_with_a_reason(String line, String reason) {
        StdinCommand command = parser.parse(line);

        assertThat(command).isInstanceOfSatisfying(StdinCommand.Invalid.class,
                invalid -> assertThat(invalid.reason()).contains(reason));
    }

    @Test
    void invalid_command_keeps_the_ref_for_correlation() {
        StdinCommand command = parser.parse("{\"cmd\":\"send\",\"to\":\"sip:b@x\",\"ref\":\"r9\"}");

        assertThat(command).isInstanceOfSatisfying(StdinCommand.Invalid.class,
                invalid -> assertThat(invalid.ref().textValue()).isEqualTo("r9"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "available, AVAILABLE", "away, AWAY", "busy, BUSY", "do-not-disturb, DO_NOT_DISTURB",
        "on-the-phone, ON_THE_PHONE", "in-a-meeting, IN_A_MEETING", "offline, OFFLINE"})
    void presence_takes_the_state_names_of_the_events(String name, PresenceState state) {
        assertThat(parser.parse("{\"cmd\":\"presence\",\"state\":\"" + name + "\"}"))
                .isEqualTo(new StdinCommand.Presence(state, "", null));
    }

    @Test
    void presence_note_is_optional_and_kept_as_the_core_publishes_it() {
        assertThat(parser.parse("{\"cmd\":\"presence\",\"state\":\"away\",\"note\":\"  lunch \\u263a \",\"ref\":3}"))
                .isEqualTo(new StdinCommand.Presence(PresenceState.AWAY, "lunch \u263a", new IntNode(3)));
        assertThat(parser.parse("{\"cmd\":\"presence\",\"state\":\"busy\",\"note\":null}"))
                .isEqualTo(new StdinCommand.Presence(PresenceState.BUSY, "", null));
    }

    @Test
    void a_note_over_the_limit_is_refused_and_one_at_the_limit_is_not() {
        String atLimit = "\ud83c\udfa4".repeat(Note.MAX_LENGTH);

        assertThat(parser.parse("{\"cmd\":\"presence\",\"state\":\"away\",\"note\":\"" + atLimit + "\"}"))
                .isInstanceOf(StdinCommand.Presence.class);
        assertThat(parser.parse("{\"cmd\":\"presence\",\"state\":\"away\",\"note\":\"" + atLimit + "x\",\"ref\":\"n\"}"))
                .isEqualTo(new StdinCommand.Invalid("\"note\" is longer than 1000 characters.", new TextNode("n")));
    }

    @Test
    void contact_commands_with_and_without_optional_fields() {
        assertThat(parser.parse("{\"cmd\":\"contact_add\",\"address\":\"bob@x\",\"name\":\"Bob\",\"group\":\"Team\","
                + "\"account\":\"sip:a@x\",\"ref\":\"c1\"}"))
                .isEqualTo(new StdinCommand.ContactAdd("bob@x", "Bob", "Team", "sip:a@x", new TextNode("c1")));
        assertThat(parser.parse("{\"cmd\":\"contact_add\",\"address\":\"bob@x\"}"))
                .isEqualTo(new StdinCommand.ContactAdd("bob@x", null, null, null, null));
        assertThat(parser.parse("{\"cmd\":\"contact_remove\",\"address\":\"bob@x\"}"))
                .isEqualTo(new StdinCommand.ContactRemove("bob@x", null, null));
    }

    @Test
    void unknown_command_lists_every_command() {
        assertThat(parser.parse("{\"cmd\":\"dance\"}")).isEqualTo(new StdinCommand.Invalid(
                "Unknown command \"dance\": use send, typing, presence, contact_add, contact_remove, watcher, call, answer, hangup, hold, transfer, dtmf, stats, send_file, accept_file, decline_file, resume_file, cancel_file or quit.", null));
    }

    @Test
    void file_commands_with_and_without_optional_fields() {
        assertThat(parser.parse("{\"cmd\":\"send_file\",\"to\":\"bob@x\",\"path\":\"/tmp/a.pdf\",\"ref\":7}"))
                .isEqualTo(new StdinCommand.SendFile("bob@x", "/tmp/a.pdf", null, new IntNode(7)));
        assertThat(parser.parse("{\"cmd\":\"send_file\",\"to\":\"bob@x\"}"))
                .isEqualTo(new StdinCommand.Invalid("Missing \"path\".", null));
        assertThat(parser.parse("{\"cmd\":\"accept_file\"}")).isEqualTo(new StdinCommand.AcceptFile(null, null, null));
        assertThat(parser.parse("{\"cmd\":\"accept_file\",\"transfer\":\"t1\",\"dir\":\"/tmp/in\"}"))
                .isEqualTo(new StdinCommand.AcceptFile("t1", "/tmp/in", null));
        assertThat(parser.parse("{\"cmd\":\"decline_file\",\"transfer\":\"t1\"}"))
                .isEqualTo(new StdinCommand.DeclineFile("t1", null));
        assertThat(parser.parse("{\"cmd\":\"cancel_file\"}")).isEqualTo(new StdinCommand.CancelFile(null, null));
        assertThat(parser.parse("{\"cmd\":\"resume_file\",\"transfer\":\"t9\"}"))
                .isEqualTo(new StdinCommand.ResumeFile("t9", null));
    }

    @Test
    void call_commands_with_and_without_optional_fields() {
        assertThat(parser.parse("{\"cmd\":\"call\",\"to\":\"bob@x\",\"play\":\"a.wav\",\"record\":\"b.wav\",\"ref\":1}"))
                .isEqualTo(new StdinCommand.Call("bob@x", "a.wav", "b.wav", null, new IntNode(1)));
        assertThat(parser.parse("{\"cmd\":\"answer\"}")).isEqualTo(new StdinCommand.Answer(null, null, null, null));
        assertThat(parser.parse("{\"cmd\":\"hangup\",\"call\":\"c1\"}")).isEqualTo(new StdinCommand.Hangup("c1", null));
        assertThat(parser.parse("{\"cmd\":\"dtmf\",\"digits\":\"12#a\"}"))
                .isEqualTo(new StdinCommand.Dtmf("12#A", null, null));
        assertThat(parser.parse("{\"cmd\":\"dtmf\",\"digits\":\"12x\"}"))
                .isEqualTo(new StdinCommand.Invalid("\"digits\" must be 1 to 32 of 0-9, *, #, A-D.", null));
    }
}
