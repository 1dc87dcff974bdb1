package org.parley.ui.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** Asks the user for files to send or a folder to save into (the platform's choosers; tests fake it). UI thread. */
public interface FilePicker {
    /** @return the chosen files, empty when the user cancelled */
    List<Path> filesToSend(Window owner);

    /** @return the chosen folder, empty when the user cancelled */
    Optional<Path> folderToSaveIn(Window owner);
}
