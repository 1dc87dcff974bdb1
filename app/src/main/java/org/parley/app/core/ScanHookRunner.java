package org.parley.app.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.parley.app.file.FileEnd;
import org.parley.app.file.ScanHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the administrator's scan hook on a received file on {@code worker} and reports on {@code core}: {@link
 * FileEnd.Done} when clean, {@link FileEnd.Quarantined} when flagged (the file moved out of the downloads folder),
 * {@link FileEnd.Failed} when a flagged file could not be moved (it is deleted then: a flagged file never stays
 * where the user opens downloads).
 */
final class ScanHookRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScanHookRunner.class);

    private ScanHookRunner() {
    }

    static void scan(FileSettings settings, Path saved, Executor worker, Executor core, Consumer<FileEnd> done) {
        ScanHook hook = new ScanHook(settings.policy().scanCommand(), settings.scanTimeout());
        if (!hook.configured()) {
            core.execute(() -> done.accept(new FileEnd.Done(Optional.of(saved), "", 0)));
            return;
        }
        worker.execute(() -> {
            ScanHook.Verdict verdict = hook.scan(saved);
            FileEnd end;
            if (verdict instanceof ScanHook.Verdict.Flagged flagged) {
                LOG.warn("received file {} flagged by the scan hook: {}", saved.getFileName(), flagged.detail());
                end = moveAway(saved, settings.quarantine());
            } else {
                end = new FileEnd.Done(Optional.of(saved), "", 0);
            }
            FileEnd result = end;
            core.execute(() -> done.accept(result));
        });
    }

    private static FileEnd moveAway(Path saved, Path quarantine) {
        try {
            return new FileEnd.Quarantined(CoreFiles.quarantine(saved, quarantine));
        } catch (IOException | RuntimeException e) {
            LOG.warn("flagged file {} could not be quarantined; deleting it", saved.getFileName(), e);
            try {
                Files.deleteIfExists(saved);
            } catch (IOException d) {
                LOG.error("flagged file {} could neither be quarantined nor deleted", saved, d);
            }
            return new FileEnd.Failed("The virus scan flagged the file; it was deleted.");
        }
    }
}
