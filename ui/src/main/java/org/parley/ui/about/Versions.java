package org.parley.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this desktop app runs on: Parley's version (from the ui jar's Maven metadata), the Java runtime's and
 * JavaFX's (from {@code javafx.properties} in javafx-base, readable before the toolkit starts). Immutable.
 */
public record Versions(String parley, String java, String javafx) {
    private static final String UI_POM = "/META-INF/maven/org.parley/parley-ui/pom.properties";

    public static Versions current() {
        return new Versions(property(Versions.class, UI_POM, "version", "(development build)"),
                Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")",
                property(javafxBase(), "/javafx.properties", "javafx.runtime.version",
                        System.getProperty("javafx.runtime.version", "(unknown)")));
    }

    /** The lines {@code parley-desktop --version} prints. */
    public String[] lines() {
        return new String[] {"Parley " + parley, "Java " + java, "JavaFX " + javafx};
    }

    private static Class<?> javafxBase() {
        try {
            return Class.forName("javafx.beans.Observable", false, Versions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Versions.class;
        }
    }

    private static String property(Class<?> anchor, String resource, String key, String fallback) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty(key, fallback);
            }
        } catch (IOException e) {
            return fallback;
        }
        return fallback;
    }
}
