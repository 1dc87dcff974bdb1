package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferenceStoreTest {
    @TempDir
    Path tmp;

    @Test
    void valuesArePutReplacedListedByPrefixAndRemoved() throws Exception {
        try (Profile profile = Profiles.create(tmp.resolve("p"), "pass".toCharArray())) {
            PreferenceStore prefs = profile.preferences();
            prefs.put("draft/a/b", "hello");
            prefs.put("draft/a/c", "zwei\nZeilen 😀");
            prefs.put("draftx", "not in the draft/ namespace");
            prefs.put("mute/a/b", "true");

            assertThat(prefs.get("draft/a/b")).contains("hello");
            assertThat(prefs.get("draft/none")).isEmpty();
            prefs.put("draft/a/b", "hello again");
            assertThat(prefs.withPrefix("draft/")).containsExactly(
                    Map.entry("draft/a/b", "hello again"), Map.entry("draft/a/c", "zwei\nZeilen 😀"));
            assertThat(prefs.remove("draft/a/b")).isTrue();
            assertThat(prefs.remove("draft/a/b")).isFalse();
            assertThat(prefs.withPrefix("draft/")).containsOnlyKeys("draft/a/c");
        }
    }

    @Test
    void valuesSurviveReopening() throws Exception {
        Path dir = tmp.resolve("p");
        try (Profile profile = Profiles.create(dir, "pass".toCharArray())) {
            profile.preferences().put("mute/a/b", "true");
        }
        try (Profile profile = Profiles.open(dir, "pass".toCharArray())) {
            assertThat(profile.preferences().get("mute/a/b")).contains("true");
        }
    }
}
