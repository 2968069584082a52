package org.natter.client.ui.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;

/**
 * One row of the message pane. Messages are bubbles (own ones on the right); a message that continues the one above
 * ({@link MessageGrouping}) shows no name or time. Events are a quiet centred line; an unsent message has Retry and
 * Dismiss. The look comes from pseudo-classes on {@code .message}: {@code :own}, {@code :other}, {@code :continued},
 * {@code :system}, {@code :warning}, {@code :announcement}, {@code :mention}, {@code :unsent}, {@code :divider},
 * {@code :unread}.
 */
public final class MessageCell extends ListCell<ChatEntry> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter FULL_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());
    private static final PseudoClass OWN = PseudoClass.getPseudoClass(Styles.OWN);
    private static final PseudoClass OTHER = PseudoClass.getPseudoClass(Styles.OTHER);
    private static final PseudoClass CONTINUED = PseudoClass.getPseudoClass(Styles.CONTINUED);
    private static final PseudoClass SYSTEM = PseudoClass.getPseudoClass(Styles.SYSTEM);
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass(Styles.WARNING);
    private static final PseudoClass ANNOUNCEMENT = PseudoClass.getPseudoClass(Styles.ANNOUNCEMENT);
    private static final PseudoClass DIVIDER = PseudoClass.getPseudoClass(Styles.DIVIDER);
    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass(Styles.UNREAD);
    private static final PseudoClass MENTION = PseudoClass.getPseudoClass(Styles.MENTION);
    private static final PseudoClass UNSENT = PseudoClass.getPseudoClass(Styles.UNSENT);

    private final MessageActions actions;
    private final HBox row = new HBox();
    private final VBox bubble = new VBox();
    private final HBox header;
    private final Label sender = new Label();
    private final Label time = new Label();
    private final MessageText text;
    private final Tooltip sentAt = new Tooltip();
    private final HBox unsentBar;
    private final Label unsentNote = new WrappingLabel();
    private final HBox event = new HBox();
    private final FontIcon eventIcon = new FontIcon();
    private final Label eventText = new WrappingLabel();
    private final Label eventTime = new Label();
    private String colorClass;

    public MessageCell(ListView<ChatEntry> list, MessageActions actions) {
        this.actions = actions;
        text = new MessageText(actions.openLink());
        row.getStyleClass().add(Styles.MESSAGE);
        bubble.getStyleClass().add(Styles.MESSAGE_BUBBLE);
        sender.getStyleClass().add(Styles.MESSAGE_SENDER);
        time.getStyleClass().add(Styles.MESSAGE_TIME);
        // Bubbles take at most three quarters of the pane, so long text wraps instead of widening the list.
        text.maxWidthProperty().bind(list.widthProperty().multiply(0.75).subtract(24));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        header = new HBox(8, sender, gap, time);
        header.getStyleClass().add(Styles.MESSAGE_HEADER);
        unsentBar = unsentBar(list);
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

    private HBox unsentBar(ListView<ChatEntry> list) {
        unsentNote.getStyleClass().add(Styles.UNSENT_NOTE);
        unsentNote.maxWidthProperty().bind(list.widthProperty().multiply(0.75).subtract(180));
        Button retry = new Button(I18n.text("chat.unsent.retry"), new FontIcon(Feather.REFRESH_CW));
        retry.getStyleClass().add(Styles.SMALL);
        retry.setOnAction(e -> actions.retry().accept(getItem()));
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        dismiss.setTooltip(new Tooltip(I18n.text("chat.unsent.dismiss")));
        dismiss.setOnAction(e -> actions.dismiss().accept(getItem()));
        HBox bar = new HBox(6, new FontIcon(Feather.ALERT_CIRCLE), unsentNote, retry, dismiss);
        bar.getStyleClass().add(Styles.UNSENT_BAR);
        return bar;
    }

    @Override
    protected void updateItem(ChatEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        if (entry.isMessage() || entry.kind() == ChatEntry.Kind.UNSENT) {
            showMessage(entry);
        } else {
            showEvent(entry);
        }
    }

    private void showMessage(ChatEntry entry) {
        boolean unsent = entry.kind() == ChatEntry.Kind.UNSENT;
        boolean own = entry.kind() == ChatEntry.Kind.OWN || unsent;
        int index = getIndex();
        boolean continued = !unsent && index > 0 && index < getListView().getItems().size()
                && MessageGrouping.continues(getListView().getItems().get(index - 1), entry);
        row.pseudoClassStateChanged(OWN, own);
        row.pseudoClassStateChanged(OTHER, !own);
        row.pseudoClassStateChanged(CONTINUED, continued);
        row.pseudoClassStateChanged(UNSENT, unsent);
        row.pseudoClassStateChanged(MENTION, entry.mentionsMe());
        sender.setText(entry.from());
        sender.getStyleClass().remove(colorClass);
        colorClass = NameColors.styleClass(entry.from());
        sender.getStyleClass().add(colorClass);
        time.setText(TIME.format(entry.ts()));
        text.setText(entry.text());
        sentAt.setText(I18n.text("chat.sentAt", FULL_TIME.format(entry.ts())));
        if (unsent) {
            unsentNote.setText(I18n.text("chat.unsent", entry.note()));
            bubble.getChildren().setAll(text, unsentBar);
        } else {
            bubble.getChildren().setAll(continued ? new Region[] {text} : new Region[] {header, text});
        }
        Tooltip.install(bubble, sentAt);
        row.getChildren().setAll(bubble);
        setGraphic(row);
    }

    private void showEvent(ChatEntry entry) {
        event.pseudoClassStateChanged(SYSTEM, true);
        event.pseudoClassStateChanged(WARNING, entry.kind() == ChatEntry.Kind.WARNING);
        event.pseudoClassStateChanged(ANNOUNCEMENT, entry.kind() == ChatEntry.Kind.ANNOUNCEMENT);
        event.pseudoClassStateChanged(DIVIDER, entry.kind() == ChatEntry.Kind.DIVIDER);
        event.pseudoClassStateChanged(UNREAD, entry.kind() == ChatEntry.Kind.UNREAD);
        eventIcon.setIconCode(switch (entry.kind()) {
            case WARNING -> Feather.ALERT_TRIANGLE;
            case ANNOUNCEMENT -> Feather.BELL;
            case PRESENCE -> Feather.USERS;
            case DIVIDER -> Feather.CLOCK;
            case UNREAD -> Feather.CHEVRONS_DOWN;
            default -> Feather.INFO;
        });
        eventText.setText(entry.text());
        eventTime.setText(entry.kind() == ChatEntry.Kind.UNREAD ? "" : TIME.format(entry.ts()));
        setGraphic(event);
    }
}
