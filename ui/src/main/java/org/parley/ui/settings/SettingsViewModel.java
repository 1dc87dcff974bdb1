package org.parley.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.parley.ui.common.Async;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * Appearance, notification and call settings. Every change applies at once (the view follows {@link #themeProperty()})
 * and is written to the settings file in the background. UI thread only.
 */
public final class SettingsViewModel {
    private final SettingsStore store;
    private final Async async;
    private final ErrorText errors;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty notifications = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final CallSettingsViewModel calls;
    /** Snapshots taken (UI thread) and the newest written (under the store's lock). */
    private long taken;
    private long written;

    public SettingsViewModel(SettingsStore store, UiSettings initial, Async async, I18n i18n) {
        this.store = store;
        this.async = async;
        this.errors = new ErrorText(i18n);
        theme.set(initial.theme());
        notifications.set(initial.notifications());
        calls = new CallSettingsViewModel(initial.calls(), async, i18n, this::persist);
        theme.addListener((o, a, b) -> persist());
        notifications.addListener((o, a, b) -> persist());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    /** Sound devices and call waiting; saved with the rest. */
    public CallSettingsViewModel calls() {
        return calls;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public UiSettings current() {
        return new UiSettings(theme.get(), notifications.get(), calls.current());
    }

    /**
     * Saves a snapshot in the background. The background has more than one worker: saves are serialised on the
     * store, and a snapshot older than one already written is skipped, so the file ends with the last choice.
     */
    private void persist() {
        UiSettings now = current();
        long version = ++taken;
        async.run(() -> {
            synchronized (store) {
                if (version > written) {
                    store.save(now);
                    written = version;
                }
            }
            return now;
        }, ok -> error.set(""), e -> error.set(errors.of("error.saveSettings", e)));
    }
}
