package org.parley.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.ui.common.I18n;

/** The {@code call.} strings: written keys exist, and every state, end and verdict has its words. */
class CallBundleTest {
    private static final Pattern KEY = Pattern.compile("\"(call\\.[A-Za-z.]+[A-Za-z])\"");
    private static final List<String> SOURCES = List.of("src/main/java/org/parley/ui/calls",
            "src/main/java/org/parley/ui/main", "src/main/java/org/parley/ui/contacts", "src/main/java/org/parley/ui/chat");

    @Test
    void everyCallKeyWrittenInTheSourcesExistsInEnglishAndGerman() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            I18n i18n = I18n.load(locale);
            for (String dir : SOURCES) {
                try (Stream<Path> files = Files.walk(Path.of(dir))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Matcher m = KEY.matcher(Files.readString(f));
                        while (m.find()) {
                            if (!i18n.has(m.group(1))) {
                                missing.add(locale + " " + m.group(1) + " (" + f.getFileName() + ")");
                            }
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyStateEndCodeAndVerdictHasItsWords() {
        I18n i18n = I18n.load(Locale.GERMAN);
        Arrays.stream(CallState.values()).filter(s -> s != CallState.ACTIVE)
                .forEach(s -> assertThat(i18n.has("call.state." + s.name())).as(s.name()).isTrue());
        Stream.of(new CallEnd.HungUp(), new CallEnd.RemoteHungUp(), new CallEnd.Busy(), new CallEnd.Declined(),
                        new CallEnd.NoAnswer(), new CallEnd.Cancelled(), new CallEnd.Rejected(404, "x"),
                        new CallEnd.Failed("x"))
                .forEach(e -> assertThat(i18n.has("call.end." + e.code())).as(e.code()).isTrue());
        Arrays.stream(CallQuality.values())
                .forEach(q -> assertThat(i18n.has("call.quality." + q.name())).as(q.name()).isTrue());
    }
}
