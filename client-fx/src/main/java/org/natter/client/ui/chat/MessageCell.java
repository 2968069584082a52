package org.natter.client.ui.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.ui.Styles;

/**
 * One row of the message pane. Messages are bubbles (own ones on the right), events a quiet centred line; the look
 * comes from the pseudo-classes {@code :own}, {@code :other}, {@code :system}, {@code :warning},
 * {@code :announcement} and {@code :mention} on {@code .message}. Text is shown as plain text, never as markup.
 */
public final class MessageCell extends ListCell<ChatEntry> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final PseudoClass OWN = PseudoClass.getPseudoClass(Styles.OWN);
    private static final PseudoClass OTHER = PseudoClass.getPseudoClass(Styles.OTHER);
    private static final PseudoClass SYSTEM = PseudoClass.getPseudoClass(Styles.SYSTEM);
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass(Styles.WARNING);
    private static final PseudoClass ANNOUNCEMENT = PseudoClass.getPseudoClass(Styles.ANNOUNCEMENT);
    private static final PseudoClass MENTION = PseudoClass.getPseudoClass(Styles.MENTION);

    private final HBox row = new HBox();
    private final VBox bubble = new VBox();
    private final Label sender = new Label();
    private final Label time = new Label();
    private final Label text = new WrappingLabel();
    private final HBox event = new HBox();
    private final FontIcon eventIcon = new FontIcon();
    private final Label eventText = new WrappingLabel();
    private final Label eventTime = new Label();
    private String colorClass;

    public MessageCell(ListView<ChatEntry> list) {
        row.getStyleClass().add(Styles.MESSAGE);
        bubble.getStyleClass().add(Styles.MESSAGE_BUBBLE);
        sender.getStyleClass().add(Styles.MESSAGE_SENDER);
        time.getStyleClass().add(Styles.MESSAGE_TIME);
        text.getStyleClass().add(Styles.MESSAGE_TEXT);
        // Bubbles take at most three quarters of the pane, so long text wraps instead of widening the list.
        text.maxWidthProperty().bind(list.widthProperty().multiply(0.75).subtract(24));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, sender, gap, time);
        header.getStyleClass().add(Styles.MESSAGE_HEADER);
        bubble.getChildren().setAll(header, text);
        bubble.setMaxWidth(Region.USE_PREF_SIZE);

        event.getStyleClass().add(Styles.MESSAGE);
        eventText.getStyleClass().add(Styles.EVENT_TEXT);
        eventText.maxWidthProperty().bind(list.widthProperty().subtract(120));
        eventTime.getStyleClass().add(Styles.MESSAGE_TIME);
        event.getChildren().setAll(eventIcon, eventText, eventTime);
        event.setSpacing(8);

        setPrefWidth(0);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(ChatEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        if (entry.isMessage()) {
            showMessage(entry);
        } else {
            showEvent(entry);
        }
    }

    private void showMessage(ChatEntry entry) {
        boolean own = entry.kind() == ChatEntry.Kind.OWN;
        row.pseudoClassStateChanged(OWN, own);
        row.pseudoClassStateChanged(OTHER, !own);
        row.pseudoClassStateChanged(MENTION, entry.mentionsMe());
        sender.setText(entry.from());
        sender.getStyleClass().remove(colorClass);
        colorClass = NameColors.styleClass(entry.from());
        sender.getStyleClass().add(colorClass);
        time.setText(TIME.format(entry.ts()));
        text.setText(entry.text());
        row.getChildren().setAll(bubble);
        setGraphic(row);
    }

    private void showEvent(ChatEntry entry) {
        event.pseudoClassStateChanged(SYSTEM, true);
        event.pseudoClassStateChanged(WARNING, entry.kind() == ChatEntry.Kind.WARNING);
        event.pseudoClassStateChanged(ANNOUNCEMENT, entry.kind() == ChatEntry.Kind.ANNOUNCEMENT);
        eventIcon.setIconCode(switch (entry.kind()) {
            case WARNING -> Feather.ALERT_TRIANGLE;
            case ANNOUNCEMENT -> Feather.BELL;
            default -> Feather.INFO;
        });
        eventText.setText(entry.text());
        eventTime.setText(TIME.format(entry.ts()));
        setGraphic(event);
    }
}
