package org.parley.ui.testing;

import java.nio.file.Path;
import java.util.Locale;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.parley.ui.common.I18n;

/** Real encrypted profiles in a test's temporary folder, and the English strings. */
public final class TestProfiles {
    public static final String PASSPHRASE = "correct horse battery";
    public static final String ALICE = "sip:alice@example.com";
    public static final String BOB = "sip:bob@example.com";

    private TestProfiles() {
    }

    public static Profile create(Path dir) {
        try {
            return Profiles.create(dir.resolve("profile"), PASSPHRASE.toCharArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static I18n english() {
        return I18n.load(Locale.ENGLISH);
    }
}
