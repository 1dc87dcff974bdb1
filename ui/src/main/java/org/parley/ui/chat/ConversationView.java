package org.parley.ui.chat;

import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.common.I18n;
import org.parley.ui.files.FileOpener;
import org.parley.ui.files.FilePicker;
import org.parley.ui.files.FxFilePicker;
import org.parley.ui.files.TransferView;
import org.parley.ui.fx.Icons;

/**
 * One chat: header (name, typing indicator, mute), the virtualised message list and the composer.
 * Enter sends, Shift+Enter starts a new line; Ctrl+C in the list copies the selected messages' text.
 * Scrolling to the top loads older history and keeps the view where it was. Files reach the peer by the
 * paperclip, Ctrl+Shift+F or dropping them on the conversation; their transfers are rows of the list. UI thread.
 */
public final class ConversationView {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    /** F2 on a message: select part of its text. */
    private static final KeyCombination SELECT_TEXT = new KeyCodeCombination(KeyCode.F2);
    /** Ctrl+Shift+F: choose files to send. */
    static final KeyCombination SEND_FILE = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final ConversationViewModel vm;
    private final I18n i18n;
    private final Consumer<String> linkOpener;
    private final Consumer<org.parley.ui.common.ConversationKey> caller;
    private final FilePicker picker;
    private final ListView<MessageItem> list = new ListView<>();
    private final TextArea composer = new TextArea();
    private boolean loading;

    public ConversationView(ConversationViewModel vm, I18n i18n, Consumer<String> linkOpener,
                            Consumer<org.parley.ui.common.ConversationKey> caller) {
        this(vm, i18n, linkOpener, caller, new FxFilePicker(i18n));
    }

    /**
     * @param linkOpener opens links, and received files and their folders ({@code HostServices.showDocument})
     * @param picker     asks for files to send and folders to save into
     */
    public ConversationView(ConversationViewModel vm, I18n i18n, Consumer<String> linkOpener,
                            Consumer<org.parley.ui.common.ConversationKey> caller, FilePicker picker) {
        this.vm = vm;
        this.i18n = i18n;
        this.linkOpener = linkOpener;
        this.caller = caller;
        this.picker = picker;
    }

    public Parent build() {
        Label name = new Label();
        name.getStyleClass().add("title-4");
        name.textProperty().bind(vm.titleProperty());
        Label peer = new Label(vm.key().peerLabel() + "  ·  " + vm.key().account());
        peer.getStyleClass().addAll("text-muted", "text-small");
        Label typing = new Label();
        typing.setId("typing");
        typing.getStyleClass().addAll("text-muted", "typing");
        typing.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.peerTypingProperty().get() ? i18n.t("chat.typing", vm.titleProperty().get()) : "",
                vm.peerTypingProperty(), vm.titleProperty()));
        ToggleButton mute = new ToggleButton(null, Icons.of(Feather.BELL_OFF));
        mute.setId("mute");
        mute.getStyleClass().addAll("flat", "button-icon");
        mute.setAccessibleText(i18n.t("chat.mute"));
        mute.setTooltip(new Tooltip(i18n.t("chat.mute")));
        mute.selectedProperty().bindBidirectional(vm.mutedProperty());
        Button call = new Button(null, Icons.of(Feather.PHONE));
        call.setId("call");
        call.getStyleClass().addAll("flat", "button-icon");
        call.setAccessibleText(i18n.t("call.action"));
        call.setTooltip(new Tooltip(i18n.t("call.action")));
        call.setOnAction(e -> caller.accept(vm.key()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, new VBox(0, name, peer), spacer, typing, call, mute);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("chat-header");

        list.setId("messages");
        list.setItems(vm.messages());
        list.getStyleClass().add("messages");
        list.setAccessibleText(i18n.t("chat.messages", vm.titleProperty().get()));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label(i18n.t("chat.empty")));
        javafx.beans.property.IntegerProperty selectRequest = new javafx.beans.property.SimpleIntegerProperty(-1);
        FileOpener opener = FileOpener.through(linkOpener);
        list.setCellFactory(v -> new MessageCell(i18n, linkOpener, vm::retry, this::loadOlder, selectRequest,
                () -> new TransferView(i18n, vm.files().orElseThrow(), opener, picker)));
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            }
        });
        MenuItem copy = new MenuItem(i18n.t("chat.copy"));
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> copySelection());
        MenuItem selectText = new MenuItem(i18n.t("chat.selectText"));
        selectText.setAccelerator(SELECT_TEXT);
        selectText.setOnAction(e -> selectRequest.set(list.getFocusModel().getFocusedIndex()));
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (SELECT_TEXT.match(e) && list.getFocusModel().getFocusedIndex() >= 0) {
                selectRequest.set(list.getFocusModel().getFocusedIndex());
                e.consume();
            }
        });
        list.setContextMenu(new ContextMenu(copy, selectText));
        vm.messages().addListener((javafx.collections.ListChangeListener<MessageItem>) c -> {
            while (c.next()) {
                if (c.wasAdded() && c.getTo() == vm.messages().size() && !loading) {
                    list.scrollTo(vm.messages().size() - 1);
                }
            }
        });
        list.scrollTo(Math.max(0, vm.messages().size() - 1));

        composer.setId("composer");
        composer.setWrapText(true);
        composer.setPrefRowCount(2);
        composer.setPromptText(i18n.t("chat.composer.prompt"));
        composer.setAccessibleText(i18n.t("chat.composer"));
        composer.textProperty().bindBidirectional(vm.draftProperty());
        composer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (e.isShiftDown()) {
                    composer.insertText(composer.getCaretPosition(), "\n");
                } else {
                    vm.send();
                }
            }
        });
        Button send = new Button(null, Icons.of(Feather.SEND));
        send.setId("send");
        send.getStyleClass().add("accent");
        send.setAccessibleText(i18n.t("chat.send"));
        send.setTooltip(new Tooltip(i18n.t("chat.send")));
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.draftProperty().isEmpty());
        Button attach = new Button(null, Icons.of(Feather.PAPERCLIP));
        attach.setId("attach");
        attach.getStyleClass().addAll("flat", "button-icon");
        attach.setAccessibleText(i18n.t("files.attach"));
        attach.setTooltip(new Tooltip(i18n.t("files.attach.tip")));
        attach.setOnAction(e -> chooseFiles());
        attach.setDisable(vm.files().isEmpty());
        HBox.setHgrow(composer, Priority.ALWAYS);
        HBox compose = new HBox(8, attach, composer, send);
        compose.setAlignment(Pos.BOTTOM_RIGHT);
        compose.setPadding(new Insets(8, 12, 10, 12));
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox bottom = new VBox(4, error, compose);
        bottom.setPadding(new Insets(0, 0, 0, 12));

        BorderPane root = new BorderPane(list, header, null, bottom, null);
        root.getStyleClass().add("conversation");
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (SEND_FILE.match(e)) {
                e.consume();
                chooseFiles();
            }
        });
        acceptDroppedFiles(root);
        return root;
    }

    /** The paperclip and Ctrl+Shift+F: the chooser, then each chosen file is offered. */
    private void chooseFiles() {
        if (vm.files().isPresent() && list.getScene() != null) {
            vm.sendFiles(picker.filesToSend(list.getScene().getWindow()));
        }
    }

    /** Files dropped anywhere on the conversation are offered to its peer, one transfer each. */
    private void acceptDroppedFiles(BorderPane root) {
        root.setOnDragOver(e -> {
            if (vm.files().isPresent() && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        root.setOnDragDropped(e -> {
            boolean done = vm.files().isPresent() && e.getDragboard().hasFiles();
            if (done) {
                vm.sendFiles(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    public void focusComposer() {
        composer.requestFocus();
    }

    /** Prepends a page and keeps the message that was on top in view. */
    private void loadOlder() {
        if (loading || !vm.hasOlderProperty().get()) {
            return;
        }
        loading = true;
        try {
            int added = vm.loadOlder();
            if (added > 0) {
                list.scrollTo(added);
            }
        } finally {
            loading = false;
        }
    }

    private void copySelection() {
        String text = list.getSelectionModel().getSelectedItems().stream().map(MessageItem::text)
                .collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
