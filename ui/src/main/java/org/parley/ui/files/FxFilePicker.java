package org.parley.ui.files;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.parley.ui.common.I18n;

/** The JavaFX file and folder choosers; each starts in the folder chosen last. UI thread. */
public final class FxFilePicker implements FilePicker {
    private final I18n i18n;
    private File lastFolder;

    public FxFilePicker(I18n i18n) {
        this.i18n = i18n;
    }

    @Override
    public List<Path> filesToSend(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.t("files.choose.send"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        if (chosen == null || chosen.isEmpty()) {
            return List.of();
        }
        lastFolder = chosen.get(0).getParentFile();
        return chosen.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> folderToSaveIn(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.t("files.choose.folder"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            lastFolder = chosen;
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
