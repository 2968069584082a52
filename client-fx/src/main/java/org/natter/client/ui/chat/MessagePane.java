package org.natter.client.ui.chat;

import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.ui.I18n;

/**
 * The message list's behaviour: it follows the newest line only while the view is at the bottom (and stays there
 * through resizes and theme changes); scrolled up, it keeps its place and counts the new messages below. Rows can be
 * selected (Shift and Ctrl for ranges) and copied: Ctrl+C as "time name: text" lines, the context menu as text.
 *
 * <p>Whether the view is at the bottom is read after each layout pass, when the cells have their real heights. When
 * another conversation is opened the pane shows its lines from the newest, or from its "New messages" line when it
 * has one ({@link UnreadMarker}). Reaching the top (or Home there) asks for
 * older messages; when they come in above, the line that was first in view stays first.
 */
final class MessagePane {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final int FOLLOW_PASSES = 8;

    private final ListView<ChatEntry> list;
    private final ListChangeListener<ChatEntry> onChange = this::changed;
    private ObservableList<ChatEntry> items;
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper();
    private final Transcript transcript = new Transcript(ZoneId.systemDefault());
    private final Runnable afterLayout = this::afterLayout;
    private final Runnable loadOlder;
    private boolean atBottom = true;
    private boolean atTop;
    private VirtualFlow<?> watched;
    private int followPasses;

    MessagePane(ListView<ChatEntry> list, ObservableValue<ObservableList<ChatEntry>> conversation, MessageActions actions,
                ObservableValue<?> themeChanges) {
        this.list = list;
        this.loadOlder = actions.loadOlder();
        list.setCellFactory(view -> new MessageCell(view, actions));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        show(conversation.getValue());
        // Not a change listener: two empty conversations have equal lists, and switching between them fires no change.
        conversation.addListener(observable -> show(conversation.getValue()));
        list.widthProperty().addListener(observable -> keepAtBottom());
        list.heightProperty().addListener(observable -> keepAtBottom());
        themeChanges.addListener(observable -> keepAtBottom());
        list.sceneProperty().addListener((obs, old, now) -> watchLayout(old, now));
        watchLayout(null, list.getScene());
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event)) {
                copy(transcript.lines(selected()));
                event.consume();
            } else if (event.getCode() == KeyCode.HOME && atTop) {
                loadOlder.run();
            }
        });
        list.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0 && atTop) {
                loadOlder.run();
            }
        });
        MenuItem copyText = new MenuItem(I18n.text("chat.copy"), new FontIcon(Feather.COPY));
        copyText.setOnAction(e -> copy(Transcript.texts(selected())));
        MenuItem copyLines = new MenuItem(I18n.text("chat.copyLines"), new FontIcon(Feather.CLIPBOARD));
        copyLines.setOnAction(e -> copy(transcript.lines(selected())));
        list.setContextMenu(new ContextMenu(copyText, copyLines));
    }

    private void show(ObservableList<ChatEntry> lines) {
        if (items == lines) {
            return;
        }
        if (items != null) {
            items.removeListener(onChange);
        }
        items = lines;
        items.addListener(onChange);
        list.setItems(items);
        int unread = indexOfUnreadDivider();
        if (unread >= 0) {
            // Back in a conversation with news: start where they begin, with the line before for context.
            unseen.set((int) items.subList(unread, items.size()).stream().filter(ChatEntry::isMessage).count());
            showFrom(unread);
        } else {
            jumpToNewest();
        }
    }

    /** Scrolls to a line (a search result) and selects it; the pane stops following the newest line. */
    void reveal(ChatEntry entry) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) == entry) {
                list.getSelectionModel().clearAndSelect(i);
                showFrom(i);
                return;
            }
        }
    }

    private void showFrom(int index) {
        followPasses = 0;
        atBottom = false;
        list.scrollTo(Math.max(0, index - 1));
    }

    private int indexOfUnreadDivider() {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).kind() == ChatEntry.Kind.UNREAD) {
                return i;
            }
        }
        return -1;
    }

    /** How many messages arrived below while the view was scrolled up. */
    ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** Shows the newest line and follows the conversation again. */
    void jumpToNewest() {
        unseen.set(0);
        atBottom = true;
        follow();
    }

    private void changed(ListChangeListener.Change<? extends ChatEntry> change) {
        int added = 0;
        int above = 0;
        while (change.next()) {
            if (change.wasAdded() && !change.wasReplaced()) {
                if (change.getFrom() == 0 && change.getTo() < items.size()) {
                    above += change.getAddedSize();
                } else {
                    added += (int) change.getAddedSubList().stream().filter(ChatEntry::isMessage).count();
                }
            }
        }
        if (atBottom) {
            follow();
        } else if (above > 0) {
            keepPlace(above);
        }
        if (!atBottom) {
            unseen.set(unseen.get() + added);
        }
    }

    /** Older lines came in above: the line that was first in view stays first. */
    private void keepPlace(int above) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            list.scrollTo(flow.getFirstVisibleCell().getIndex() + above);
        }
        atTop = false;
    }

    private void keepAtBottom() {
        if (atBottom) {
            follow();
        }
    }

    private void follow() {
        followPasses = FOLLOW_PASSES;
        list.requestLayout();
    }

    private void watchLayout(Scene old, Scene now) {
        if (old != null) {
            old.removePostLayoutPulseListener(afterLayout);
        }
        if (now != null) {
            now.addPostLayoutPulseListener(afterLayout);
        }
    }

    /**
     * While following, brings the newest line wholly into view: new cells only have estimated heights until styled
     * and laid out, so this takes a few passes. Otherwise notes whether the person has scrolled to the bottom.
     */
    private void afterLayout() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        if (watched != flow) {
            // Scrolling moves the cells without a layout pass of the scene; ask for one to look at the top again.
            watched = flow;
            flow.positionProperty().addListener(observable -> list.requestLayout());
        }
        int last = items.size() - 1;
        boolean newestInView = last < 0 || newestInView(flow, last);
        if (followPasses > 0) {
            followPasses = newestInView ? 0 : followPasses - 1;
            if (!newestInView) {
                flow.scrollTo(last);
                list.requestLayout();
            }
            return;
        }
        boolean oldestInView = last >= 0 && oldestInView(flow);
        // Only a scroll to the top asks by itself; a list too short to scroll waits for Home or the wheel.
        if (oldestInView && !atTop && !newestInView) {
            loadOlder.run();
        }
        atTop = oldestInView;
        if (newestInView != atBottom) {
            atBottom = newestInView;
            if (atBottom) {
                unseen.set(0);
            }
        }
    }

    private static boolean newestInView(VirtualFlow<?> flow, int last) {
        var cell = flow.getLastVisibleCell();
        return cell != null && cell.getIndex() == last
                && cell.getLayoutY() + cell.getHeight() <= flow.getHeight() + 0.5;
    }

    private static boolean oldestInView(VirtualFlow<?> flow) {
        var cell = flow.getFirstVisibleCell();
        return cell != null && cell.getIndex() == 0 && cell.getLayoutY() >= -0.5;
    }

    private List<ChatEntry> selected() {
        return List.copyOf(list.getSelectionModel().getSelectedItems());
    }

    private static void copy(String text) {
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
