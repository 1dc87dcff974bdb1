package org.parley.ui.files;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens a received file, or its folder, with the desktop's own programs. Only ever called because the user asked
 * (Open, Show in folder), never when a file arrives. UI thread.
 */
public interface FileOpener {
    void open(Path file);

    /** Opens the folder that holds {@code file}. */
    void showInFolder(Path file);

    /** Through {@code HostServices.showDocument} (or anything that opens a URI the same way). */
    static FileOpener through(Consumer<String> showDocument) {
        return new FileOpener() {
            @Override
            public void open(Path file) {
                showDocument.accept(file.toUri().toString());
            }

            @Override
            public void showInFolder(Path file) {
                Path folder = file.toAbsolutePath().getParent();
                showDocument.accept((folder == null ? file : folder).toUri().toString());
            }
        };
    }
}
