package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unread counting and mention notifications, with no toolkit. */
class UnreadTrackerTest {

    private final UnreadTracker tracker = new UnreadTracker();
    private final List<ChatEntry> notified = new ArrayList<>();

    private static ChatEntry from(String name, String text, boolean mention) {
        return new ChatEntry(ChatEntry.Kind.OTHER, name, text, Instant.EPOCH, mention);
    }

    @Test
    void nothingCountsWhileTheWindowIsFocused() {
        tracker.setOnMentionWhileAway(notified::add);

        tracker.count(List.of(from("bob", "anna?", true)));

        assertThat(tracker.unreadProperty().get()).isZero();
        assertThat(notified).isEmpty();
    }

    @Test
    void onlyOthersMessagesCountWhileAwayAndFocusClearsTheCount() {
        tracker.windowFocusedProperty().set(false);

        tracker.count(List.of(from("bob", "one", false),
                new ChatEntry(ChatEntry.Kind.OWN, "anna", "mine", Instant.EPOCH, false),
                ChatEntry.event(ChatEntry.Kind.EVENT, "carl", "carl joined", null)));
        tracker.count(List.of(from("bob", "two", false)));

        assertThat(tracker.unreadProperty().get()).isEqualTo(2);
        tracker.windowFocusedProperty().set(true);
        assertThat(tracker.unreadProperty().get()).isZero();
    }

    @Test
    void aBatchWithSeveralMentionsNotifiesOnceWithTheLatest() {
        tracker.setOnMentionWhileAway(notified::add);
        tracker.windowFocusedProperty().set(false);

        tracker.count(List.of(from("bob", "anna 1", true), from("carl", "anna 2", true), from("bob", "no", false)));

        assertThat(notified).extracting(ChatEntry::text).containsExactly("anna 2");
    }
}
