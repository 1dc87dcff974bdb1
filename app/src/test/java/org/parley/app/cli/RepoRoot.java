package org.parley.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the checkout root (the directory with bin/parley and the parent pom) from the test's working dir. */
final class RepoRoot {
    private RepoRoot() {
    }

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin/parley")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the checkout root (with bin/parley) above "
                + Path.of("").toAbsolutePath());
    }
}
