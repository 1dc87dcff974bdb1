package org.parley.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads (without initialising) every class of some packages from the directory they were loaded from. Other
 * builds in the same working tree may recompile or delete {@code target/test-classes} while a run is going on;
 * classes already loaded are not affected. Best effort: a class that cannot be loaded is skipped.
 */
final class ClassPreloader {
    private ClassPreloader() {
    }

    /** @return how many classes were loaded */
    static int preload(List<Class<?>> anchors) {
        int n = 0;
        for (Class<?> anchor : anchors) {
            try {
                Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
                String pkg = anchor.getPackageName();
                Path dir = root.resolve(pkg.replace('.', '/'));
                if (!Files.isDirectory(dir)) {
                    continue; // loaded from a jar: nothing can vanish
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".class")) {
                            n += load(pkg + "." + name.substring(0, name.length() - 6), anchor.getClassLoader());
                        }
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                System.err.println("bench: could not preload classes near " + anchor.getName() + ": " + e);
            }
        }
        return n;
    }

    private static int load(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return 1;
        } catch (ClassNotFoundException | LinkageError e) {
            return 0;
        }
    }
}
