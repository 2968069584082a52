package org.natter.client.ui.chat;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import org.natter.client.ui.I18n;
import org.natter.common.protocol.Message;

/**
 * The search bar over the open conversation, all of it usable from the keyboard: Ctrl+F (Cmd+F) anywhere in the
 * window opens it with the field focused; Enter searches; Down goes to the results and Up from the first one back to
 * the field; Enter or a double-click on a result shows it in the conversation; Esc closes the bar and puts the focus
 * back in the message field.
 */
final class SearchPane {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final SearchViewModel search;
    private final TextField field;
    private final ListView<Message> results;
    private final Runnable backToInput;

    SearchPane(Region root, Region pane, TextField field, Button close, Label status, ListView<Message> results,
               SearchViewModel search, MessagePane messages, Runnable backToInput) {
        this.search = search;
        this.field = field;
        this.results = results;
        this.backToInput = backToInput;
        pane.visibleProperty().bind(search.openProperty());
        pane.managedProperty().bind(search.openProperty());
        field.textProperty().bindBidirectional(search.queryProperty());
        field.promptTextProperty().bind(search.scopeProperty().map(scope -> I18n.text("search.prompt", scope)));
        field.accessibleTextProperty().bind(search.scopeProperty().map(scope -> I18n.text("search.field", scope)));
        status.textProperty().bind(search.statusProperty());
        status.visibleProperty().bind(search.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        results.setItems(search.results());
        results.setCellFactory(list -> new SearchResultCell(list, () -> search.queryProperty().get()));
        results.setAccessibleText(I18n.text("search.results"));
        results.visibleProperty().bind(Bindings.isNotEmpty(search.results()));
        results.managedProperty().bind(results.visibleProperty());
        close.setOnAction(event -> close());
        search.setOnReveal(messages::reveal);

        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                open();
                event.consume();
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, this::onFieldKey);
        results.addEventHandler(KeyEvent.KEY_PRESSED, this::onResultsKey);
        results.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                showSelected();
            }
        });
        close.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
    }

    void open() {
        search.open();
        field.requestFocus();
        field.selectAll();
    }

    private void close() {
        search.close();
        backToInput.run();
    }

    private void onFieldKey(KeyEvent event) {
        switch (event.getCode()) {
            case ENTER -> search.search();
            case DOWN -> {
                if (results.getItems().isEmpty()) {
                    return;
                }
                results.requestFocus();
                if (results.getSelectionModel().isEmpty()) {
                    results.getSelectionModel().selectFirst();
                }
                results.getFocusModel().focus(results.getSelectionModel().getSelectedIndex());
            }
            case ESCAPE -> close();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void onResultsKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
            showSelected();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            close();
        } else if (event.getCode() == KeyCode.UP && results.getSelectionModel().getSelectedIndex() <= 0) {
            field.requestFocus();
        } else {
            return;
        }
        event.consume();
    }

    private void showSelected() {
        search.show(results.getSelectionModel().getSelectedItem());
    }
}
