package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static BoundedLineReader reader(byte[] bytes, int max) {
        return new BoundedLineReader(new ByteArrayInputStream(bytes), max);
    }

    private static BoundedLineReader reader(String text, int max) {
        return reader(text.getBytes(StandardCharsets.UTF_8), max);
    }

    @Test
    void reads_lf_and_crlf_lines_and_a_last_line_without_newline() throws IOException {
        BoundedLineReader r = reader("one\ntwo\r\n\nthree", 100);

        assertThat(r.next().text()).isEqualTo("one");
        assertThat(r.next().text()).isEqualTo("two");
        assertThat(r.next().text()).isEmpty();
        assertThat(r.next().text()).isEqualTo("three");
        assertThat(r.next()).isNull();
    }

    @Test
    void an_overlong_line_is_reported_and_reading_goes_on() throws IOException {
        BoundedLineReader r = reader("x".repeat(11) + "\nok\n", 10);

        BoundedLineReader.Line tooLong = r.next();
        assertThat(tooLong.text()).isNull();
        assertThat(tooLong.problem()).contains("longer than 10 bytes");
        assertThat(r.next().text()).isEqualTo("ok");
        assertThat(r.next()).isNull();
    }

    @Test
    void a_line_exactly_at_the_cap_is_accepted() throws IOException {
        assertThat(reader("x".repeat(10) + "\n", 10).next().text()).hasSize(10);
    }

    @Test
    void multibyte_utf8_is_decoded_and_invalid_utf8_reported() throws IOException {
        assertThat(reader("grüß ☃\n", 100).next().text()).isEqualTo("grüß ☃");

        BoundedLineReader r = reader(new byte[] {'a', (byte) 0xC3, '\n', 'b', '\n'}, 100);
        assertThat(r.next().problem()).contains("not valid UTF-8");
        assertThat(r.next().text()).isEqualTo("b");
    }

    @Test
    void empty_input_is_end_of_input() throws IOException {
        assertThat(reader("", 10).next()).isNull();
    }
}
