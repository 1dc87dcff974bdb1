package org.parley.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing strings of the desktop app ({@code org/parley/ui/messages*.properties}, English and German).
 * Patterns use {@link MessageFormat} syntax, so a literal apostrophe is written {@code ''}.
 *
 * <p>Immutable and thread-safe. A missing key yields {@code !key!} (and a test catches it) rather than an exception.
 */
public final class I18n {
    private static final String BUNDLE = "org.parley.ui.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    private I18n(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Loads the bundle for {@code locale}; falls back to English, never to the JVM's default locale. */
    public static I18n load(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new I18n(b, locale);
    }

    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
