package org.parley.ui.contacts;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import org.parley.app.presence.PresenceState;
import org.parley.ui.fx.PresenceLook;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;

/**
 * Filter field and contact list. Enter or double-click opens the chat; F2 edits; Delete removes; Down in the
 * filter field moves into the list. UI thread.
 */
public final class ContactListView {
    private final ContactListViewModel vm;
    private final I18n i18n;
    private final Consumer<ConversationKey> opener;
    private final Consumer<ConversationKey> caller;
    private final Consumer<Optional<ContactItem>> editor;
    private final Consumer<ContactItem> remover;
    private final TextField filter = TextFields.createClearableTextField();
    private final ListView<ContactItem> list = new ListView<>();

    /** @param caller starts a call with a contact (row button, context menu) */
    public ContactListView(ContactListViewModel vm, I18n i18n, Consumer<ConversationKey> opener,
                           Consumer<ConversationKey> caller, Consumer<Optional<ContactItem>> editor,
                           Consumer<ContactItem> remover) {
        this.vm = vm;
        this.i18n = i18n;
        this.opener = opener;
        this.caller = caller;
        this.editor = editor;
        this.remover = remover;
    }

    public Parent build() {
        filter.setId("contact-filter");
        filter.setPromptText(i18n.t("contacts.filter"));
        filter.setAccessibleText(i18n.t("contacts.filter"));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
                if (e.getCode() == KeyCode.ENTER && list.getItems().size() == 1) {
                    openSelected();
                }
            }
        });

        list.setId("contacts");
        list.setItems(vm.shown());
        list.setAccessibleText(i18n.t("contacts.title"));
        list.setPlaceholder(new Label(i18n.t("contacts.empty")));
        list.setCellFactory(v -> new ContactCell());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            } else if (e.getCode() == KeyCode.F2) {
                selected().ifPresent(c -> editor.accept(Optional.of(c)));
            } else if (e.getCode() == KeyCode.DELETE) {
                selected().ifPresent(remover);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        MenuItem open = new MenuItem(i18n.t("contacts.open"));
        open.setOnAction(e -> openSelected());
        MenuItem call = new MenuItem(i18n.t("call.action"), Icons.of(Feather.PHONE));
        call.setOnAction(e -> selected().ifPresent(c -> caller.accept(c.key())));
        MenuItem edit = new MenuItem(i18n.t("contacts.edit"));
        edit.setOnAction(e -> selected().ifPresent(c -> editor.accept(Optional.of(c))));
        MenuItem remove = new MenuItem(i18n.t("contacts.remove"));
        remove.setOnAction(e -> selected().ifPresent(remover));
        list.setContextMenu(new ContextMenu(open, call, edit, remove));

        Label title = new Label(i18n.t("contacts.title"));
        title.getStyleClass().add("section-title");
        Button add = new Button(null, Icons.of(Feather.USER_PLUS));
        add.setId("contact-add");
        add.getStyleClass().addAll("flat", "button-icon");
        add.setAccessibleText(i18n.t("contacts.add"));
        add.setTooltip(new Tooltip(i18n.t("contacts.add")));
        add.setOnAction(e -> editor.accept(Optional.empty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, add);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(6, header, filter, list);
    }

    public void focusFilter() {
        filter.requestFocus();
    }

    public Optional<ContactItem> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    private void openSelected() {
        selected().ifPresent(c -> opener.accept(c.key()));
    }

    /**
     * Presence badge (icon shape and colour), name, then the state in words with the note (or the address while
     * the state is unknown), group, unread badge. The address and state are also in the tooltip.
     */
    private final class ContactCell extends ListCell<ContactItem> {
        private final Label presence = new Label();
        private final Label name = new Label();
        private final Label address = new Label();
        private final Label group = new Label();
        private final Label unread = new Label();
        private final Button call = new Button(null, Icons.of(Feather.PHONE));
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        private final org.kordamp.ikonli.javafx.FontIcon presenceIcon = PresenceLook.icon(PresenceState.UNKNOWN);
        private final HBox row;
        private final javafx.beans.InvalidationListener repaint = o -> show(getItem());
        private ContactItem watched;

        ContactCell() {
            presence.getStyleClass().add("presence-badge");
            address.getStyleClass().addAll("text-muted", "text-small");
            group.getStyleClass().add("group-tag");
            unread.getStyleClass().add("unread-badge");
            VBox text = new VBox(1, name, address);
            HBox.setHgrow(text, Priority.ALWAYS);
            call.getStyleClass().addAll("flat", "button-icon", "contact-call");
            call.setFocusTraversable(false);
            call.setOnAction(e -> {
                if (getItem() != null) {
                    caller.accept(getItem().key());
                }
            });
            row = new HBox(8, presence, text, group, unread, call);
            row.setAlignment(Pos.CENTER_LEFT);
            presence.setGraphic(presenceIcon);
            setTooltip(tip);
        }

        @Override
        protected void updateItem(ContactItem item, boolean empty) {
            super.updateItem(item, empty);
            ContactItem now = empty ? null : item;
            if (watched != now) {
                if (watched != null) {
                    watched.presenceProperty().removeListener(repaint);
                    watched.presenceNoteProperty().removeListener(repaint);
                    watched.unreadProperty().removeListener(repaint);
                }
                watched = now;
                if (now != null) {
                    now.presenceProperty().addListener(repaint);
                    now.presenceNoteProperty().addListener(repaint);
                    now.unreadProperty().addListener(repaint);
                }
            }
            show(now);
        }

        /** Paints {@code item}; presence, note and unread changes repaint without a list update. */
        private void show(ContactItem item) {
            if (item == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(item.displayName());
            PresenceState state = item.presenceProperty().get();
            String stateText = i18n.t("presence." + state.name());
            String note = item.presenceNoteProperty().get();
            String described = note.isEmpty() ? stateText : i18n.t("presence.withNote", stateText, note);
            PresenceLook.show(presenceIcon, state);
            address.setText(state == PresenceState.UNKNOWN ? item.key().peerLabel() : described);
            tip.setText(item.key().peerLabel() + "\n" + described);
            String callText = i18n.t("call.action.named", item.displayName());
            call.setAccessibleText(callText);
            if (call.getTooltip() == null) {
                call.setTooltip(new Tooltip());
            }
            call.getTooltip().setText(callText);
            group.setText(item.groupProperty().get());
            group.setVisible(!item.groupProperty().get().isEmpty());
            int count = item.unreadProperty().get();
            unread.setText(Integer.toString(count));
            unread.setVisible(count > 0);
            setAccessibleText((count > 0 ? i18n.t("contacts.accessible.unread", item.displayName(), count)
                    : item.displayName()) + ", " + described);
            setGraphic(row);
        }
    }
}
