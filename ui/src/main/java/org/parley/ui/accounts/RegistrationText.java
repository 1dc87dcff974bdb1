package org.parley.ui.accounts;

import org.parley.app.RegistrationState;
import org.parley.ui.common.I18n;

/** Localised sentences for registration states (the core's {@code describe()} is English only). */
public final class RegistrationText {
    private final I18n i18n;

    public RegistrationText(I18n i18n) {
        this.i18n = i18n;
    }

    public String describe(RegistrationState state) {
        if (state instanceof RegistrationState.Registered) {
            return i18n.t("registration.registered");
        } else if (state instanceof RegistrationState.Registering) {
            return i18n.t("registration.registering");
        } else if (state instanceof RegistrationState.Unregistered) {
            return i18n.t("registration.unregistered");
        } else if (state instanceof RegistrationState.AuthFailed) {
            return i18n.t("registration.authFailed");
        } else if (state instanceof RegistrationState.Unreachable u) {
            return u.retryInSeconds() > 0 ? i18n.t("registration.unreachable.retry", u.detail(), u.retryInSeconds())
                    : i18n.t("registration.unreachable", u.detail());
        } else if (state instanceof RegistrationState.CertificateNotTrusted c) {
            return i18n.t("registration.certificate", c.subject());
        } else if (state instanceof RegistrationState.Forbidden f) {
            return i18n.t("registration.forbidden", f.reason());
        } else if (state instanceof RegistrationState.Failed f) {
            return f.statusCode() > 0 ? i18n.t("registration.failed", f.statusCode(), f.reason())
                    : i18n.t("registration.failed.local", f.reason());
        }
        return state.describe();
    }

    /** A few words for the account list's one line; the full sentence is {@link #describe}. */
    public String brief(RegistrationState state) {
        if (state instanceof RegistrationState.Unreachable u && u.retryInSeconds() > 0) {
            return i18n.t("registration.brief.unreachable.retry", u.retryInSeconds());
        } else if (state instanceof RegistrationState.Failed f && f.statusCode() > 0) {
            return i18n.t("registration.brief.failed.code", f.statusCode());
        }
        String kind = state.getClass().getSimpleName();
        return i18n.t("registration.brief." + Character.toLowerCase(kind.charAt(0)) + kind.substring(1));
    }

    /** Whether the state is an outcome of an attempt (not "still trying" or "idle"). */
    public static boolean isOutcome(RegistrationState state) {
        return !(state instanceof RegistrationState.Registering || state instanceof RegistrationState.Unregistered);
    }

    /** Whether a user's "retry" makes sense now. */
    public static boolean canRetry(RegistrationState state) {
        return !(state instanceof RegistrationState.Registered || state instanceof RegistrationState.Registering);
    }
}
