package org.parley.ui.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.parley.ui.common.I18n;

/**
 * One tab per open conversation, kept in step with {@link ChatsViewModel#open()} and its selection.
 * Closing a tab (mouse or Ctrl+W via the main menu) keeps the draft. UI thread.
 */
public final class ChatTabsView {
    private final ChatsViewModel vm;
    private final I18n i18n;
    private final Consumer<String> linkOpener;
    private final Consumer<org.parley.ui.common.ConversationKey> caller;
    private final TabPane tabs = new TabPane();
    private final Map<ConversationViewModel, Tab> byVm = new HashMap<>();
    private final Map<ConversationViewModel, ConversationView> views = new HashMap<>();

    /** @param caller starts a call with a conversation's peer (the header's call button) */
    public ChatTabsView(ChatsViewModel vm, I18n i18n, Consumer<String> linkOpener,
                        Consumer<org.parley.ui.common.ConversationKey> caller) {
        this.vm = vm;
        this.i18n = i18n;
        this.linkOpener = linkOpener;
        this.caller = caller;
    }

    public Parent build() {
        tabs.setId("chat-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        vm.open().forEach(this::addTab);
        vm.open().addListener((ListChangeListener<ConversationViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeTab);
                c.getAddedSubList().forEach(this::addTab);
            }
        });
        vm.selectedProperty().addListener((o, a, now) -> select(now));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) ->
                vm.selectedProperty().set(tab == null ? null : (ConversationViewModel) tab.getUserData()));
        Label empty = new Label(i18n.t("chat.none"));
        empty.getStyleClass().add("text-muted");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
        return new StackPane(tabs, empty);
    }

    /** Closes the conversation in front (Ctrl+W). */
    public void closeSelected() {
        ConversationViewModel selected = vm.selectedProperty().get();
        if (selected != null) {
            vm.close(selected);
        }
    }

    private void addTab(ConversationViewModel c) {
        ConversationView view = new ConversationView(c, i18n, linkOpener, caller);
        Tab tab = new Tab();
        tab.textProperty().bind(c.titleProperty());
        tab.setContent(view.build());
        tab.setUserData(c);
        tab.setOnClosed(e -> vm.close(c));
        byVm.put(c, tab);
        views.put(c, view);
        tabs.getTabs().add(tab);
        select(c);
    }

    private void removeTab(ConversationViewModel c) {
        Tab tab = byVm.remove(c);
        views.remove(c);
        if (tab != null) {
            tabs.getTabs().remove(tab);
        }
    }

    private void select(ConversationViewModel c) {
        Tab tab = c == null ? null : byVm.get(c);
        if (tab != null && tabs.getSelectionModel().getSelectedItem() != tab) {
            tabs.getSelectionModel().select(tab);
        }
        ConversationView view = c == null ? null : views.get(c);
        if (view != null) {
            javafx.application.Platform.runLater(view::focusComposer);
        }
    }
}
