package org.parley.app.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FileDescriptionTest {

    private static final String RFC_SECTION = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com",
            "s=-",
            "c=IN IP4 host.atlanta.example.com",
            "t=0 0",
            "m=message 7654 TCP/MSRP *",
            "i=This is my latest picture",
            "a=sendonly",
            "a=accept-types:message/cpim",
            "a=accept-wrapped-types:*",
            "a=path:msrp://atlanta.example.com:7654/jshA7we;tcp",
            "a=file-selector:name:\"My cool picture.jpg\" type:image/jpeg size:32349 hash:sha-1:"
                    + "72:24:5F:E8:65:3D:DA:F3:71:36:2F:86:D4:71:91:3E:E4:A2:CE:2E",
            "a=file-transfer-id:vBnG916bdberum2fFEABR1FR3ExZMUrd",
            "a=file-disposition:attachment",
            "a=file-date:creation:\"Mon, 15 May 2006 15:01:31 +0300\" modification:\"Tue, 16 May 2006 10:00:00 +0300\"",
            "a=file-icon:cid:id2@alicepc.example.com",
            "a=file-range:1-32349",
            "");

    @Test
    void readsTheRfc5547ExampleOffer() throws Exception {
        SessionDescription sdp = SdpParser.parse(RFC_SECTION);
        FileDescription file = FileDescription.from(sdp.media().get(0)).orElseThrow();

        assertThat(file.selector().name()).contains("My cool picture.jpg");
        assertThat(file.selector().type()).contains("image/jpeg");
        assertThat(file.selector().size()).hasValue(32349);
        assertThat(file.selector().hash().orElseThrow().algorithm()).isEqualTo("sha-1");
        assertThat(file.selector().hash().orElseThrow().hex()).isEqualTo("72245fe8653ddaf371362f86d471913ee4a2ce2e");
        assertThat(file.transferId()).isEqualTo("vBnG916bdberum2fFEABR1FR3ExZMUrd");
        assertThat(file.disposition()).isEqualTo("attachment");
        assertThat(file.modified()).contains("Tue, 16 May 2006 10:00:00 +0300");
        assertThat(file.range()).contains(new FileRange(1, OptionalLong.of(32349)));
    }

    @Test
    void writesWhatItReads() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8));
        FileDescription file = new FileDescription(
                FileSelector.of("Bericht \"Q3\" 100% fertig — 報告.pdf", "application/pdf", 1234, FileHash.sha256(digest)),
                "abc123XYZ", "attachment", Optional.of("Thu, 26 Nov 2026 09:00:00 +0000"),
                Optional.of(FileRange.from(1000, 1234)));
        MediaDescription section = MediaDescription.of("message", 9, "TCP/MSRP", List.of("*"), file.attributes());

        assertThat(section.attribute("file-selector")).contains(
                "name:\"Bericht %22Q3%22 100%25 fertig — 報告.pdf\" type:application/pdf size:1234 hash:sha-256:"
                        + "2C:F2:4D:BA:5F:B0:A3:0E:26:E8:3B:2A:C5:B9:E2:9E:1B:16:1E:5C:1F:A7:42:5E:73:04:33:62:93:8B:98:24");
        assertThat(section.attribute("file-range")).contains("1001-1234");
        assertThat(FileDescription.from(section)).contains(file);
        assertThat(file.range().orElseThrow().offset()).isEqualTo(1000);
    }

    @Test
    void hashComparesBytesNotText() {
        FileHash upper = FileHash.parse("SHA-256:AB:cd:01").orElseThrow();

        assertThat(upper.algorithm()).isEqualTo("sha-256");
        assertThat(upper.matches(new byte[] {(byte) 0xab, (byte) 0xcd, 1})).isTrue();
        assertThat(upper.matches(new byte[] {(byte) 0xab, (byte) 0xcd, 2})).isFalse();
        assertThat(upper.text()).isEqualTo("sha-256:AB:CD:01");
    }

    @Test
    void refusesMalformedSelectors() {
        assertThat(FileSelector.parse("name:\"unterminated size:3")).isEmpty();
        assertThat(FileSelector.parse("name:\"a\" size:-3")).isEmpty();
        assertThat(FileSelector.parse("name:\"a\" size:99999999999999999999")).isEmpty();
        assertThat(FileSelector.parse("name:\"bad%zz\"")).isEmpty();
        assertThat(FileSelector.parse("name:\"truncated%2\"")).isEmpty();
        assertThat(FileSelector.parse("name:\"\"")).isEmpty();
        assertThat(FileSelector.parse("name:\"%FF%FE\"")).as("not UTF-8").isEmpty();
        assertThat(FileSelector.parse("hash:sha-256:XY:00")).isEmpty();
        assertThat(FileSelector.parse("hash:sha-256")).isEmpty();
        assertThat(FileSelector.parse("type:nonsense")).isEmpty();
        assertThat(FileSelector.parse("name:\"a\"  size:3")).as("two spaces").isEmpty();
        assertThat(FileSelector.parse("name:\"" + "x".repeat(FileSelector.MAX_NAME_CHARS + 1) + "\"")).isEmpty();
    }

    @Test
    void keepsHostileNamesAsTextForTheSanitiser() {
        assertThat(FileSelector.parse("name:\"../../.bashrc\"").orElseThrow().name()).contains("../../.bashrc");
        assertThat(FileSelector.parse("name:\"a%00b\"").orElseThrow().name()).contains("a\u0000b");
        assertThat(FileSelector.parse("name:\"CON\" future:thing").orElseThrow().name()).as("unknown selector ignored")
                .contains("CON");
    }

    @Test
    void refusesSectionsWithoutSelectorOrIdOrWithABadRange() {
        Attribute selector = Attribute.of("file-selector", "name:\"a.txt\" size:3");
        Attribute id = Attribute.of("file-transfer-id", "id1");
        assertThat(FileDescription.from(section(List.of(selector)))).isEmpty();
        assertThat(FileDescription.from(section(List.of(id)))).isEmpty();
        assertThat(FileDescription.from(section(List.of(selector, id, Attribute.of("file-range", "0-3"))))).isEmpty();
        assertThat(FileDescription.from(section(List.of(selector, id, Attribute.of("file-range", "5-2"))))).isEmpty();
        assertThat(FileDescription.from(section(List.of(selector, id)))).get()
                .satisfies(f -> assertThat(f.disposition()).isEqualTo("render"));
    }

    @Test
    void rangesReadBothEnds() {
        assertThat(FileRange.parse("1-*")).contains(new FileRange(1, OptionalLong.empty()));
        assertThat(FileRange.parse("11-10")).as("empty rest").contains(new FileRange(11, OptionalLong.of(10)));
        assertThat(FileRange.parse("-5")).isEmpty();
        assertThat(FileRange.parse("a-5")).isEmpty();
    }

    @Property(tries = 300)
    void anyNameSurvivesTheSelector(@ForAll @StringLength(min = 1, max = 200) String name) {
        FileSelector selector = new FileSelector(Optional.of(name), Optional.empty(), OptionalLong.empty(),
                Optional.empty());
        Optional<FileSelector> back = FileSelector.parse(selector.value());
        if (name.codePoints().anyMatch(cp -> Character.isSurrogate((char) cp))) {
            return; // a lone surrogate has no UTF-8 form
        }
        assertThat(back).contains(selector);
    }

    private static MediaDescription section(List<Attribute> attributes) {
        return MediaDescription.of("message", 9, "TCP/MSRP", List.of("*"), attributes);
    }
}
