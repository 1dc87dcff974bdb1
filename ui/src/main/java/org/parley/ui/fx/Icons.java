package org.parley.ui.fx;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons as font glyphs: they scale with the font, so they stay sharp on HiDPI screens. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(Feather icon) {
        FontIcon i = new FontIcon(icon);
        i.getStyleClass().add("parley-icon");
        return i;
    }
}
