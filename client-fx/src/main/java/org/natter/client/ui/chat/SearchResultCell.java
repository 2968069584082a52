package org.natter.client.ui.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;
import org.natter.common.protocol.Message;

/**
 * One search result: who wrote it and when (date and time: results can be old), and the part of the text around the
 * match with the matched word picked out ({@code .search-match}). A screen reader reads "name, time: whole text".
 */
final class SearchResultCell extends ListCell<Message> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final Supplier<String> query;
    private final Label author = new Label();
    private final Label time = new Label();
    private final Text before = new Text();
    private final Text match = new Text();
    private final Text after = new Text();
    private final VBox box;
    private String colorClass;

    SearchResultCell(ListView<Message> list, Supplier<String> query) {
        this.query = query;
        author.getStyleClass().add(Styles.MESSAGE_SENDER);
        time.getStyleClass().add(Styles.MESSAGE_TIME);
        before.getStyleClass().add(Styles.MESSAGE_TEXT_RUN);
        match.getStyleClass().addAll(Styles.MESSAGE_TEXT_RUN, Styles.SEARCH_MATCH);
        after.getStyleClass().add(Styles.MESSAGE_TEXT_RUN);
        TextFlow text = new TextFlow(before, match, after);
        text.maxWidthProperty().bind(list.widthProperty().subtract(40));
        text.prefWidthProperty().bind(text.maxWidthProperty());
        box = new VBox(2, new HBox(8, author, time), text);
        box.getStyleClass().add(Styles.SEARCH_RESULT);
        setPrefWidth(0);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Message message, boolean empty) {
        super.updateItem(message, empty);
        if (empty || message == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        String when = message.ts() == null ? "" : WHEN.format(message.ts());
        author.setText(message.from());
        author.getStyleClass().remove(colorClass);
        colorClass = NameColors.styleClass(message.from());
        author.getStyleClass().add(colorClass);
        time.setText(when);
        SearchSnippet snippet = SearchSnippet.of(message.text(), query.get());
        before.setText(snippet.before());
        match.setText(snippet.match());
        after.setText(snippet.after());
        setAccessibleText(I18n.text("search.result", message.from(), when, message.text()));
        setGraphic(box);
    }
}
