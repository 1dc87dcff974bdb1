package org.parley.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
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
    void everyStateAndVerdictHasItsWords() {
        I18n i18n = I18n.load(Locale.GERMAN);
        Arrays.stream(CallState.values()).filter(s -> s != CallState.ACTIVE)
                .forEach(s -> assertThat(i18n.has("call.state." + s.name())).as(s.name()).isTrue());
        Arrays.stream(CallQuality.values())
                .forEach(q -> assertThat(i18n.has("call.quality." + q.name())).as(q.name()).isTrue());
    }

    /**
     * Every kind of {@link CallEnd}, found through the sealed interface (so a new one cannot be forgotten), has
     * {@code call.end.<code>} in each bundle file itself: German is read without falling back to English.
     */
    @Test
    void everyCallEndCodeHasWordsInEnglishAndInGerman() throws Exception {
        Class<?>[] kinds = CallEnd.class.getPermittedSubclasses();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(10);
        for (String file : List.of("messages.properties", "messages_de.properties")) {
            Properties words = bundleFile(file);
            for (Class<?> kind : kinds) {
                String key = "call.end." + instanceOf(kind).code();
                assertThat(words).as(file + " for " + kind.getSimpleName()).containsKey(key);
            }
        }
    }

    private static Properties bundleFile(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CallBundleTest.class.getResourceAsStream("/org/parley/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** A record of that kind with placeholder components (a status 500, texts "x"). */
    private static CallEnd instanceOf(Class<?> kind) throws ReflectiveOperationException {
        Class<?>[] types = Arrays.stream(kind.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(t -> t == int.class ? (Object) 500 : "x").toArray();
        return (CallEnd) kind.getDeclaredConstructor(types).newInstance(values);
    }
}
