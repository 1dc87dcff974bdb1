package org.parley.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the app module's version from the jar's Maven metadata ("development build" without it), the
 * Java runtime, and JavaFX — which the command line does not use; when JavaFX happens to be on the class path
 * (the desktop app's installation) its version is named too.
 */
public final class VersionInfo implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/org.parley/parley-app/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"parley " + version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")", javafx()};
    }

    static String javafx() {
        try (InputStream in = ClassLoader.getSystemResourceAsStream("javafx.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return "JavaFX: not used by the command line (" + properties.getProperty("javafx.runtime.version",
                        "unknown version") + " is installed for the desktop app)";
            }
        } catch (IOException e) {
            CliLog.DETAIL.debug("cannot read javafx.properties", e);
        }
        return "JavaFX: not used by the command line";
    }

    static String version() {
        try (InputStream in = VersionInfo.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "(unknown version)");
            }
        } catch (IOException e) {
            CliLog.DETAIL.debug("cannot read {}", POM_PROPERTIES, e);
        }
        return "(development build)";
    }
}
