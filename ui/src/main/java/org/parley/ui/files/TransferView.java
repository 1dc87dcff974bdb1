package org.parley.ui.files;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;

/**
 * A transfer row's content, reused by a list cell for whichever {@link TransferItem} it shows ({@link #show}):
 * name and size, the sender and type (theirs), the identity warning, a progress bar with bytes and speed, the
 * state sentence, and the buttons that apply now (Accept / Save as… / Decline, Cancel, Open / Show in folder).
 * The SHA-256 is the tooltip. Bindings are replaced on every {@link #show}, so a reused row follows only its
 * current item. UI thread.
 */
public final class TransferView {
    private static final PseudoClass QUARANTINED = PseudoClass.getPseudoClass("quarantined");
    private final I18n i18n;
    private final FilesViewModel files;
    private final FileOpener opener;
    private final FilePicker picker;
    private final Label name = new Label();
    private final Label size = new Label();
    private final Label from = new Label();
    private final Label warning = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Label progress = new Label();
    private final Label speed = new Label();
    private final Label state = new Label();
    private final Button accept = new Button();
    private final Button saveAs = new Button();
    private final Button decline = new Button();
    private final Button cancel = new Button();
    private final Button resume = new Button();
    private final Button open = new Button();
    private final Button folder = new Button();
    private final Tooltip hash = new Tooltip();
    private final VBox root;
    private final ChangeListener<String> onOutcome = (o, was, now) -> outcome(now);
    private TransferItem current;

    public TransferView(I18n i18n, FilesViewModel files, FileOpener opener, FilePicker picker) {
        this.i18n = i18n;
        this.files = files;
        this.opener = opener;
        this.picker = picker;
        name.getStyleClass().addAll("transfer-name", "text-bold");
        name.setGraphic(Icons.of(Feather.FILE));
        size.getStyleClass().addAll("text-muted", "text-small");
        from.getStyleClass().addAll("text-muted", "text-small");
        warning.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        warning.getStyleClass().addAll("call-warning", "transfer-warning");
        warning.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("transfer-progress");
        progress.getStyleClass().addAll("text-muted", "text-small");
        speed.getStyleClass().addAll("text-muted", "text-small", "transfer-speed");
        state.getStyleClass().addAll("text-small", "transfer-state");
        state.setWrapText(true);
        button(accept, "accept", "files.accept", Feather.DOWNLOAD, "success");
        button(saveAs, "save-as", "files.saveAs", Feather.FOLDER, null);
        button(decline, "decline", "files.decline", Feather.X, "danger");
        button(cancel, "cancel", "files.cancel", Feather.X_CIRCLE, null);
        button(resume, "resume", "files.resume", Feather.REFRESH_CW, null);
        button(open, "open", "files.open", Feather.EXTERNAL_LINK, null);
        button(folder, "folder", "files.showInFolder", Feather.FOLDER, null);
        accept.setOnAction(e -> files.accept(current));
        saveAs.setOnAction(e -> picker.folderToSaveIn(saveAs.getScene().getWindow())
                .ifPresent(dir -> files.acceptInto(current, dir)));
        decline.setOnAction(e -> files.decline(current));
        cancel.setOnAction(e -> files.cancel(current));
        resume.setOnAction(e -> files.resume(current));
        open.setOnAction(e -> current.saved().ifPresent(opener::open));
        folder.setOnAction(e -> current.saved().ifPresent(opener::showInFolder));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox title = new HBox(8, name, spacer, size);
        title.setAlignment(Pos.BASELINE_LEFT);
        HBox numbers = new HBox(8, progress, speed);
        HBox buttons = new HBox(6, accept, saveAs, decline, cancel, resume, open, folder);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(4, title, from, warning, bar, numbers, state, buttons);
        root.getStyleClass().add("transfer");
        root.setId("transfer");
        root.setMinWidth(280);
        Tooltip.install(root, hash);
    }

    public Node node() {
        return root;
    }

    /** Shows {@code item} (and follows it until the next call). */
    public void show(TransferItem item) {
        if (current != null) {
            current.outcomeProperty().removeListener(onOutcome);
        }
        current = item;
        root.setUserData(item);
        name.setText(item.name());
        size.textProperty().bind(item.sizeTextProperty());
        boolean theirs = !item.outgoing();
        from.setText(theirs ? i18n.t("files.from", item.sender()) + (item.type().isEmpty() ? ""
                : "  ·  " + item.type()) : "");
        shown(from, !from.getText().isEmpty());
        warning.setText(item.warning());
        shown(warning, !item.warning().isEmpty() && !item.past());
        BooleanBinding live = Bindings.createBooleanBinding(() -> switch (item.phaseProperty().get()) {
            case PREPARING, WAITING, RUNNING -> true;
            case OFFERED, ENDED -> false;
        }, item.phaseProperty());
        bar.progressProperty().bind(item.progressProperty());
        bind(bar, live);
        progress.textProperty().bind(item.progressTextProperty());
        speed.textProperty().bind(item.speedTextProperty());
        bind(progress, live.and(item.progressTextProperty().isNotEmpty()));
        bind(speed, live.and(item.speedTextProperty().isNotEmpty()));
        state.textProperty().bind(item.stateTextProperty());
        BooleanBinding offered = item.phaseProperty().isEqualTo(TransferPhase.OFFERED);
        for (Button b : new Button[] {accept, saveAs, decline}) {
            bind(b, offered);
            b.disableProperty().bind(item.busyProperty());
        }
        bind(cancel, live);
        cancel.disableProperty().bind(item.busyProperty());
        bind(resume, item.canResume());
        bind(open, item.canOpen());
        bind(folder, item.canOpen());
        hash.textProperty().bind(Bindings.createStringBinding(() -> item.sha256Property().get().isEmpty() ? ""
                : i18n.t("files.sha256", item.sha256Property().get()), item.sha256Property()));
        item.outcomeProperty().addListener(onOutcome);
        outcome(item.outcomeProperty().get());
        root.accessibleTextProperty().bind(Bindings.createStringBinding(() -> i18n.t("files.accessible",
                item.name(), item.sizeTextProperty().get(), item.stateTextProperty().get()),
                item.sizeTextProperty(), item.stateTextProperty()));
    }

    private void outcome(String code) {
        boolean flagged = "quarantined".equals(code);
        state.pseudoClassStateChanged(QUARANTINED, flagged);
        state.setGraphic(flagged ? Icons.of(Feather.ALERT_OCTAGON) : null);
        if (flagged) {
            state.getStyleClass().add("danger");
        } else {
            state.getStyleClass().remove("danger");
        }
    }

    private void button(Button b, String id, String key, Feather icon, String style) {
        b.setId("transfer-" + id);
        b.setText(i18n.t(key));
        b.setGraphic(Icons.of(icon));
        b.setAccessibleText(i18n.t(key));
        b.getStyleClass().add("small");
        if (style != null) {
            b.getStyleClass().add(style);
        }
    }

    private static void bind(Node node, javafx.beans.value.ObservableValue<Boolean> visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }

    private static void shown(Node node, boolean visible) {
        node.visibleProperty().unbind();
        node.managedProperty().unbind();
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
