package org.parley.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundleTest {
    private static final Pattern KEY_LITERAL = Pattern.compile(
            "\"((?:app|common|unlock|error|registration|menu|accounts?|contacts?|chat|delivery|search|notify|settings|presence|watchers|calls?|files)"
                    + "\\.[A-Za-z.]+)\"");

    @Test
    void germanHasExactlyTheEnglishKeys() {
        I18n en = I18n.load(Locale.ENGLISH);
        I18n de = I18n.load(Locale.GERMAN);
        assertThat(de.locale()).isEqualTo(Locale.GERMAN);
        assertThat(new TreeSet<>(de.bundle().keySet())).isEqualTo(new TreeSet<>(en.bundle().keySet()));
        assertThat(de.t("chat.send")).isEqualTo("Senden");
    }

    @Test
    void everyKeyWrittenInTheSourcesExists() throws IOException {
        I18n en = I18n.load(Locale.ENGLISH);
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    boolean prefix = key.endsWith(".");
                    if (prefix ? en.bundle().keySet().stream().noneMatch(k -> k.startsWith(key)) : !en.has(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyPatternFormatsWithoutError() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            I18n i18n = I18n.load(locale);
            for (String key : i18n.bundle().keySet()) {
                assertThat(i18n.t(key, 2, 3)).as(locale + " " + key).doesNotStartWith("!");
            }
        }
    }

    @Test
    void everyReasonTheCoreGivesForRefusedInputIsTranslated() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            I18n i18n = I18n.load(locale);
            for (org.parley.app.InvalidInput.Reason reason : org.parley.app.InvalidInput.Reason.values()) {
                assertThat(i18n.has("input." + reason.name())).as(locale + " " + reason).isTrue();
            }
        }
        try {
            org.parley.app.SipAddress.parse("bob@exa mple.com");
        } catch (org.parley.app.InvalidInput e) {
            assertThat(new ErrorText(I18n.load(Locale.GERMAN)).input(e))
                    .isEqualTo("\u201ebob@exa mple.com\u201c hat einen ung\u00fcltigen Hostteil.");
            assertThat(new ErrorText(I18n.load(Locale.ENGLISH)).input(e))
                    .isEqualTo("\u201cbob@exa mple.com\u201d has an invalid host part.");
            return;
        }
        throw new AssertionError("the address was accepted");
    }

    @Test
    void everyRegistrationStateHasABriefTextInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            I18n i18n = I18n.load(locale);
            for (Class<?> state : org.parley.app.RegistrationState.class.getPermittedSubclasses()) {
                String name = state.getSimpleName();
                String key = "registration.brief." + Character.toLowerCase(name.charAt(0)) + name.substring(1);
                assertThat(i18n.has(key)).as(locale + " " + key).isTrue();
            }
        }
        var text = new org.parley.ui.accounts.RegistrationText(I18n.load(Locale.ENGLISH));
        assertThat(text.brief(new org.parley.app.RegistrationState.Unreachable("timeout", 30)))
                .isEqualTo("Server unreachable, retry in 30 s");
        assertThat(text.brief(new org.parley.app.RegistrationState.Failed(503, "Service Unavailable")))
                .isEqualTo("Registration failed (503)");
    }
}
