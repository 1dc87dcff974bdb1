package org.parley.ui.common;

import org.parley.app.InvalidInput;
import org.parley.storage.CorruptProfileException;
import org.parley.storage.NotAProfileException;
import org.parley.storage.ProfileExistsException;
import org.parley.storage.UnsupportedProfileException;
import org.parley.storage.WrongPassphraseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the one sentence the user sees, and logs the detail. This is the place where errors are
 * finally caught: callers show the returned sentence and do not log again.
 */
public final class ErrorText {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorText.class);
    private final I18n i18n;

    public ErrorText(I18n i18n) {
        this.i18n = i18n;
    }

    /**
     * @param whatKey bundle key of the action that failed (for example the key for "saving a contact failed"), used when the failure has no
     *                sentence of its own
     */
    public String of(String whatKey, Throwable failure) {
        String known = known(failure);
        if (known != null) {
            LOG.info("{}: {}", whatKey, failure.toString());
            return known;
        }
        LOG.warn("{} failed", whatKey, failure);
        if (failure instanceof IllegalArgumentException refused && failure.getMessage() != null) {
            return input(refused);
        }
        return i18n.t(whatKey);
    }

    /**
     * The sentence for input the core refused: translated when the core gave a reason ({@link InvalidInput}),
     * else the core's own (English) sentence. Not logged: the user's typing is not an error of the program.
     */
    public String input(IllegalArgumentException refused) {
        if (refused instanceof InvalidInput invalid) {
            return i18n.t("input." + invalid.reason().name(), invalid.args().toArray());
        }
        return refused.getMessage();
    }

    private String known(Throwable failure) {
        if (failure instanceof WrongPassphraseException) {
            return i18n.t("error.wrongPassphrase");
        }
        if (failure instanceof CorruptProfileException) {
            return i18n.t("error.corruptProfile");
        }
        if (failure instanceof NotAProfileException) {
            return i18n.t("error.notAProfile");
        }
        if (failure instanceof UnsupportedProfileException) {
            return i18n.t("error.unsupportedProfile");
        }
        if (failure instanceof ProfileExistsException) {
            return i18n.t("error.profileExists");
        }
        return null;
    }
}
