package org.parley.ui.main;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.parley.storage.AccountRecord;
import org.parley.ui.accounts.AccountDialog;
import org.parley.ui.accounts.AccountDialogViewModel;
import org.parley.ui.accounts.AccountItem;
import org.parley.ui.accounts.AccountsView;
import org.parley.ui.calls.CallHistoryView;
import org.parley.ui.calls.CallWindows;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.chat.ChatTabsView;
import org.parley.ui.common.Async;
import org.parley.ui.common.I18n;
import org.parley.ui.contacts.ContactDialog;
import org.parley.ui.contacts.ContactDialogViewModel;
import org.parley.ui.contacts.ContactItem;
import org.parley.ui.contacts.ContactListView;
import org.parley.ui.search.SearchView;
import org.parley.ui.settings.ChangePassphraseViewModel;
import org.parley.ui.settings.SettingsView;

/**
 * The main window: menu bar (every action with a shortcut), sidebar (accounts; contacts, search and calls as tabs),
 * chat tabs, status bar. Opens the account, contact and settings dialogs. UI thread.
 */
public final class MainView {
    private final MainViewModel vm;
    private final Async async;
    private final I18n i18n;
    private final Consumer<String> linkOpener;
    private final Runnable onQuit;
    private final BorderPane root = new BorderPane();
    private ContactListView contactsView;
    private SearchView searchView;
    private CallHistoryView callsView;
    private ChatTabsView chatsView;
    private AccountsView accountsView;
    private TabPane sidebarTabs;
    private Runnable onAbout;

    public MainView(MainViewModel vm, Async async, I18n i18n, Consumer<String> linkOpener, Runnable onQuit) {
        this.vm = vm;
        this.async = async;
        this.i18n = i18n;
        this.linkOpener = linkOpener;
        this.onQuit = onQuit;
    }

    /** Adds Parley → About, which runs {@code action}. Call before {@link #build()}. */
    public MainView withAbout(Runnable action) {
        this.onAbout = action;
        return this;
    }

    public Parent build() {
        accountsView = new AccountsView(vm.accounts(), i18n, this::editAccount, this::removeAccount);
        contactsView = new ContactListView(vm.contacts(), i18n, vm::open, this::call, this::editContact,
                this::removeContact);
        searchView = new SearchView(vm.search(), i18n);
        callsView = new CallHistoryView(vm.calls(), i18n);
        chatsView = new ChatTabsView(vm.chats(), i18n, linkOpener, this::call);

        Tab contactsTab = new Tab(i18n.t("contacts.title"), contactsView.build());
        Tab searchTab = new Tab(i18n.t("search.title"), searchView.build());
        Tab callsTab = new Tab(i18n.t("calls.history.title"), callsView.build());
        callsTab.selectedProperty().addListener((o, was, now) -> callsView.redraw());
        sidebarTabs = new TabPane(contactsTab, searchTab, callsTab);
        sidebarTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(sidebarTabs, Priority.ALWAYS);
        VBox sidebar = new VBox(8, new org.parley.ui.presence.PresenceSelectorView(vm.presence(), i18n).build(),
                accountsView.build(), sidebarTabs);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setMinWidth(240);

        SplitPane split = new SplitPane(sidebar, chatsView.build());
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(sidebar, false);

        StatusBar status = new StatusBar();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());

        root.setTop(menus());
        root.setCenter(split);
        root.setBottom(status);
        root.getStyleClass().add("main-root");
        new org.parley.ui.presence.WatcherRequestPrompt(vm.watchers(), i18n, this::window).install();
        new CallWindows(vm.liveCalls(), i18n).install();
        new org.parley.ui.handoff.LinkPromptView(vm.links(), i18n, this::window).install();
        return root;
    }

    private MenuBar menus() {
        Menu app = new Menu(i18n.t("menu.app"));
        app.getItems().addAll(item("menu.settings", "Shortcut+Comma", this::openSettings),
                item("menu.quit", "Shortcut+Q", onQuit));
        if (onAbout != null) {
            app.getItems().add(app.getItems().size() - 1, item("app.about.menu", null, onAbout));
        }
        Menu accounts = new Menu(i18n.t("menu.accounts"));
        accounts.getItems().addAll(item("accounts.add", null, () -> editAccount(Optional.empty())),
                item("accounts.retry", "Shortcut+R", () -> accountsView.selected()
                        .or(() -> vm.accounts().accounts().stream().findFirst()).ifPresent(vm.accounts()::retry)));
        Menu contacts = new Menu(i18n.t("menu.contacts"));
        contacts.getItems().addAll(item("contacts.add", "Shortcut+N", () -> editContact(Optional.empty())),
                item("contacts.find", "Shortcut+K", () -> {
                    sidebarTabs.getSelectionModel().select(0);
                    contactsView.focusFilter();
                }),
                item("call.menu", "Shortcut+Shift+C", this::callChosen),
                item("watchers.menu", null,
                        () -> new org.parley.ui.presence.WatchersView(vm.watchers(), i18n).showAndWait(window())));
        Menu chat = new Menu(i18n.t("menu.chat"));
        chat.getItems().addAll(item("search.menu", "Shortcut+F", () -> {
            sidebarTabs.getSelectionModel().select(1);
            searchView.focus();
        }), item("chat.close", "Shortcut+W", chatsView::closeSelected),
                item("chat.mute.toggle", "Shortcut+M", () -> {
                    var c = vm.chats().selectedProperty().get();
                    if (c != null) {
                        c.mutedProperty().set(!c.mutedProperty().get());
                    }
                }));
        MenuBar bar = new MenuBar(app, accounts, contacts, chat);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(i18n.t(key));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void editAccount(Optional<AccountRecord> record) {
        AccountDialogViewModel dvm = new AccountDialogViewModel(vm.parley(), async, i18n, record);
        new AccountDialog(dvm, i18n).showAndWait(window());
        vm.accounts().refresh();
    }

    private void removeAccount(AccountItem item) {
        if (confirm(i18n.t("accounts.remove.confirm", item.id()))) {
            vm.accounts().remove(item);
        }
    }

    private void editContact(Optional<ContactItem> item) {
        if (vm.accountIds().isEmpty()) {
            vm.statusProperty().set(i18n.t("contact.error.noAccount"));
            return;
        }
        ContactDialogViewModel dvm = new ContactDialogViewModel(vm.contacts(), i18n, vm.accountIds(), item);
        new ContactDialog(dvm, i18n).showAndWait(window());
        vm.chats().refreshTitles();
    }

    private void removeContact(ContactItem item) {
        if (confirm(i18n.t("contacts.remove.confirm", item.displayName()))) {
            vm.contacts().remove(item);
        }
    }

    private void call(ConversationKey key) {
        vm.liveCalls().call(key);
    }

    /** Ctrl+Shift+C: the contact selected in the sidebar when it has the focus, else the chat in front. */
    private void callChosen() {
        Optional<ConversationKey> contact = contactsView.selected().map(ContactItem::key);
        Optional<ConversationKey> target = sidebarTabs.isFocusWithin() ? contact.or(vm.chats()::selectedKey)
                : vm.chats().selectedKey().or(() -> contact);
        target.ifPresentOrElse(this::call, () -> vm.statusProperty().set(i18n.t("call.noSelection")));
    }

    private void openSettings() {
        AccountsView embedded = new AccountsView(vm.accounts(), i18n, this::editAccount, this::removeAccount);
        new SettingsView(vm.settings(), new ChangePassphraseViewModel(vm.parley().profile(), async, i18n), i18n,
                embedded.build()).showAndWait(window());
    }

    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setHeaderText(null);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
