package org.parley.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FtsQueryTest {

    @Test
    void termsAreQuotedAndTheLastIsAPrefix() {
        assertThat(FtsQuery.of("hello wor")).contains("\"hello\" \"wor\"*");
        assertThat(FtsQuery.of("  München\tGrüße ")).contains("\"München\" \"Grüße\"*");
    }

    @Test
    void syntaxCharactersCannotEscapeTheQuotes() {
        assertThat(FtsQuery.of("\"AND OR NEAR( *")).contains("\"\"\"AND\" \"OR\" \"NEAR(\"*");
        assertThat(FtsQuery.of("a\"b")).contains("\"a\"\"b\"*");
    }

    @Test
    void termsWithoutLettersOrDigitsAreDropped() {
        assertThat(FtsQuery.of("* ( ) \" -")).isEmpty();
        assertThat(FtsQuery.of("")).isEmpty();
        assertThat(FtsQuery.of("fox *")).contains("\"fox\"*");
    }

    @Test
    void theNumberOfTermsIsBounded() {
        String many = "w ".repeat(100);
        assertThat(FtsQuery.of(many).orElseThrow().split(" ")).hasSize(FtsQuery.MAX_TERMS);
    }
}
