package org.parley.ui.accounts;

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
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.app.RegistrationState;
import org.parley.storage.AccountRecord;
import org.parley.ui.common.I18n;
import org.parley.ui.fx.Icons;

/**
 * The accounts with their registration state and a retry action. Keyboard: Enter or F2 edits, R retries,
 * Delete removes (after the caller's confirmation). UI thread.
 */
public final class AccountsView {
    private final AccountsViewModel vm;
    private final I18n i18n;
    private final Consumer<Optional<AccountRecord>> editor;
    private final Consumer<AccountItem> remover;
    private final ListView<AccountItem> list = new ListView<>();

    /**
     * @param editor  opens the account dialog (empty = add)
     * @param remover asks for confirmation, then removes
     */
    public AccountsView(AccountsViewModel vm, I18n i18n, Consumer<Optional<AccountRecord>> editor,
                        Consumer<AccountItem> remover) {
        this.vm = vm;
        this.i18n = i18n;
        this.editor = editor;
        this.remover = remover;
    }

    /** Height of one account row in em: address and a one-line state. */
    private static final double ROW_EM = 3.3;

    public Parent build() {
        list.setId("accounts");
        list.setItems(vm.accounts());
        list.setAccessibleText(i18n.t("accounts.title"));
        list.setPlaceholder(new Label(i18n.t("accounts.empty")));
        list.setCellFactory(v -> new AccountCell());
        // Tall enough for every account (up to four, then it scrolls), each with a two-line state sentence.
        list.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(1, Math.min(vm.accounts().size(), 4)) * ROW_EM
                        * javafx.scene.text.Font.getDefault().getSize() + 4,
                vm.accounts()));
        list.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        list.setOnKeyPressed(e -> {
            AccountItem item = list.getSelectionModel().getSelectedItem();
            if (item == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) {
                editor.accept(Optional.of(item.recordProperty().get()));
            } else if (e.getCode() == KeyCode.R) {
                vm.retry(item);
            } else if (e.getCode() == KeyCode.DELETE) {
                remover.accept(item);
            }
        });
        MenuItem edit = new MenuItem(i18n.t("accounts.edit"));
        edit.setOnAction(e -> selected().ifPresent(i -> editor.accept(Optional.of(i.recordProperty().get()))));
        MenuItem retry = new MenuItem(i18n.t("accounts.retry"));
        retry.setOnAction(e -> selected().ifPresent(vm::retry));
        MenuItem remove = new MenuItem(i18n.t("accounts.remove"));
        remove.setOnAction(e -> selected().ifPresent(remover));
        list.setContextMenu(new ContextMenu(edit, retry, remove));

        Label title = new Label(i18n.t("accounts.title"));
        title.getStyleClass().add("section-title");
        Button add = new Button(null, Icons.of(Feather.PLUS));
        add.setId("account-add");
        add.getStyleClass().addAll("flat", "button-icon");
        add.setAccessibleText(i18n.t("accounts.add"));
        add.setTooltip(new Tooltip(i18n.t("accounts.add")));
        add.setOnAction(e -> editor.accept(Optional.empty()));
        HBox header = new HBox(6, title, spacer(), add);
        header.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, header, list);
    }

    public Optional<AccountItem> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    private static HBox spacer() {
        HBox s = new HBox();
        HBox.setHgrow(s, Priority.ALWAYS);
        return s;
    }

    /** One account: state icon, address, state sentence, retry button when it makes sense. */
    private final class AccountCell extends ListCell<AccountItem> {
        private final FontIcon icon = new FontIcon(Feather.CIRCLE);
        private final Label address = new Label();
        private final Label state = new Label();
        private final Tooltip stateTip = new Tooltip();
        private final Button retry = new Button(null, Icons.of(Feather.REFRESH_CW));
        private final HBox row;
        private final javafx.beans.value.ChangeListener<RegistrationState> onState = (o, a, now) -> show(now);
        private AccountItem current;

        AccountCell() {
            state.getStyleClass().add("text-muted");
            state.setTooltip(stateTip);
            // Labels in a list cell need a width to end at (with an ellipsis): the list's, less icon and button.
            state.maxWidthProperty().bind(list.widthProperty().subtract(96));
            address.maxWidthProperty().bind(list.widthProperty().subtract(96));
            retry.getStyleClass().addAll("flat", "button-icon");
            retry.setAccessibleText(i18n.t("accounts.retry"));
            retry.setTooltip(new Tooltip(i18n.t("accounts.retry")));
            retry.setFocusTraversable(false);
            VBox text = new VBox(2, address, state);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(8, icon, text, retry);
            row.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(AccountItem item, boolean empty) {
            super.updateItem(item, empty);
            if (current != null) {
                current.stateProperty().removeListener(onState);
            }
            current = empty ? null : item;
            address.textProperty().unbind();
            state.textProperty().unbind();
            stateTip.textProperty().unbind();
            if (current == null) {
                setGraphic(null);
                return;
            }
            address.setText(item.id());
            state.textProperty().bind(item.stateBriefProperty());
            stateTip.textProperty().bind(item.stateTextProperty());
            item.stateProperty().addListener(onState);
            show(item.stateProperty().get());
            retry.setOnAction(e -> vm.retry(item));
            setGraphic(row);
        }

        private void show(RegistrationState s) {
            icon.getStyleClass().setAll("account-state", styleOf(s));
            retry.setVisible(RegistrationText.canRetry(s));
            setAccessibleText(current.id() + ": " + current.stateTextProperty().get());
        }
    }

    private static String styleOf(RegistrationState s) {
        if (s instanceof RegistrationState.Registered) {
            return "state-ok";
        }
        if (s instanceof RegistrationState.Registering || s instanceof RegistrationState.Unregistered) {
            return "state-pending";
        }
        return "state-failed";
    }
}
