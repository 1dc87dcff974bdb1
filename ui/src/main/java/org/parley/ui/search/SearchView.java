package org.parley.ui.search;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.controlsfx.control.textfield.TextFields;
import org.parley.storage.Direction;
import org.parley.ui.common.I18n;

/**
 * The history search panel: a search field (Enter searches, Down moves to the results) and the hits with
 * highlighted snippets; Enter or double-click opens the conversation. UI thread.
 */
public final class SearchView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final SearchViewModel vm;
    private final I18n i18n;
    private final TextField field = TextFields.createClearableTextField();

    public SearchView(SearchViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public Parent build() {
        ListView<SearchResult> results = new ListView<>(vm.results());
        results.setId("search-results");
        results.setAccessibleText(i18n.t("search.results"));
        results.setPlaceholder(new Label(i18n.t("search.placeholder")));
        results.setCellFactory(v -> new ResultCell());
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && results.getSelectionModel().getSelectedItem() != null) {
                vm.open(results.getSelectionModel().getSelectedItem());
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && results.getSelectionModel().getSelectedItem() != null) {
                vm.open(results.getSelectionModel().getSelectedItem());
            }
        });

        field.setId("search-field");
        field.setPromptText(i18n.t("search.prompt"));
        field.setAccessibleText(i18n.t("search.prompt"));
        field.textProperty().bindBidirectional(vm.queryProperty());
        field.setOnAction(e -> vm.search());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        Label status = new Label();
        status.getStyleClass().addAll("text-muted", "text-small");
        status.textProperty().bind(vm.statusProperty());
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox box = new VBox(6, new HBox(6, field, busy), status, results);
        box.setPadding(new Insets(8));
        return box;
    }

    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    private final class ResultCell extends ListCell<SearchResult> {
        private final Label who = new Label();
        private final TextFlow snippet = new TextFlow();
        private final VBox box = new VBox(2, who, snippet);

        ResultCell() {
            who.getStyleClass().addAll("text-muted", "text-small");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SearchResult r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            who.setText((r.direction() == Direction.OUT ? "→ " : "← ") + vm.nameOf(r) + "  ·  " + TIME.format(r.at()));
            snippet.getChildren().clear();
            StringBuilder plain = new StringBuilder();
            for (Snippet.Run run : r.snippet()) {
                Text t = new Text(run.text());
                t.getStyleClass().add("snippet-text");
                if (run.highlighted()) {
                    t.getStyleClass().add("search-hit");
                }
                snippet.getChildren().add(t);
                plain.append(run.text());
            }
            setAccessibleText(vm.nameOf(r) + ": " + plain);
            setGraphic(box);
        }
    }
}
