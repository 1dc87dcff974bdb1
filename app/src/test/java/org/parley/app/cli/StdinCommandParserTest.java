package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
}
