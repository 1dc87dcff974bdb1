package org.parley.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app icon for {@link javafx.stage.Stage#getIcons()}: the PNGs that {@code icons/generate.sh} renders from
 * {@code icons/src/parley.svg} and copies to {@code org/parley/ui/icons/parley-SIZE.png}. The window manager
 * picks the size it needs. A missing resource is logged and skipped; it never stops the app.
 */
final class WindowIcons {
    /** The sizes shipped in the ui resources (the 512 px rendering is only used by the installers). */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final Logger LOG = LoggerFactory.getLogger(WindowIcons.class);

    private WindowIcons() {
    }

    /** Loads every size (synchronously, they are a few KB each). FX thread or any thread. */
    static List<Image> load() {
        List<Image> images = new ArrayList<>(SIZES.length);
        for (int size : SIZES) {
            String name = "icons/parley-" + size + ".png";
            URL url = WindowIcons.class.getResource(name);
            if (url == null) {
                LOG.warn("window icon {} is missing from the ui resources", name);
                continue;
            }
            Image image = new Image(url.toExternalForm());
            if (image.isError()) {
                LOG.warn("window icon {} could not be decoded", name, image.getException());
                continue;
            }
            images.add(image);
        }
        return images;
    }
}
