package org.parley.ui.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import org.parley.ui.settings.Theme;

/** Applies a {@link Theme} to the whole application (AtlantaFX user-agent stylesheet, its pre-parsed binary form). FX thread. */
public final class Themes {
    private static final String APP_CSS = Themes.class.getResource("/org/parley/ui/parley.css").toExternalForm();

    private Themes() {
    }

    public static void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** Parley's own small stylesheet, added to every scene. */
    public static String appCss() {
        return APP_CSS;
    }
}
