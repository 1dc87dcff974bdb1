package org.parley.ui.common;

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
        if (failure instanceof IllegalArgumentException && failure.getMessage() != null) {
            // The core's validation messages are user-fit sentences (English only for now).
            return failure.getMessage();
        }
        return i18n.t(whatKey);
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
