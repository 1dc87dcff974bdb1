package org.parley.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IsComposingTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ourDocumentsParseBack() {
        assertThat(IsComposing.parse(b(IsComposing.document(true, 60))))
                .contains(new IsComposing.State(true, 60));
        assertThat(IsComposing.parse(b(IsComposing.document(false, 60))))
                .contains(new IsComposing.State(false, 0));
    }

    @Test
    void theRfc3994ExampleIsRead() {
        String rfc = """
                <?xml version="1.0" encoding="UTF-8"?>
                <isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="urn:ietf:params:xml:ns:im-composing iscomposing.xsd">
                  <state>active</state>
                  <contenttype>text/plain</contenttype>
                  <refresh>90</refresh>
                </isComposing>
                """;
        assertThat(IsComposing.parse(b(rfc))).contains(new IsComposing.State(true, 90));
    }

    @Test
    void entityTricksAndGarbageAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"><state>&e;</state></isComposing>
                """;
        assertThat(IsComposing.parse(b(xxe))).isEmpty();
        assertThat(IsComposing.parse(b("<isComposing><state>active"))).isEmpty();
        assertThat(IsComposing.parse(b("not xml"))).isEmpty();
        assertThat(IsComposing.parse(new byte[IsComposing.MAX_BYTES + 1])).isEmpty();
        assertThat(IsComposing.parse(b("<other><state>active</state></other>"))).isEmpty();
    }
}
